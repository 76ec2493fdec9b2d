package org.raddiag.backbone.vit.internal;

import org.osgi.service.component.annotations.Component;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.assembly.ComponentBlocks;
import org.raddiag.api.model.SliceBackbone;

/**
 * Backbone {@code vit}: a fresh {@link Vit2D} sized by the architecture's {@code vit.*} settings and
 * {@code image_size} (see {@link VitSettings}); its feature width is {@code vit.dim}.
 */
@Component(service = SliceBackbone.class, property = {"raddiag.kind=backbone", "raddiag.backbone=vit"})
public final class VitEncoder implements SliceBackbone {
    @Override
    public String name() {
        return "vit";
    }

    @Override
    public boolean supports(Class<?> blockType) {
        return blockType.isAssignableFrom(Vit2D.class);
    }

    @Override
    public <B> B build(Class<B> blockType, ArchitectureConfig config) {
        return ComponentBlocks.build(this, blockType, () -> new Vit2D(VitSettings.from(config)));
    }

    @Override
    public int featureWidth(ArchitectureConfig config) {
        return VitSettings.from(config).dim();
    }
}
