package org.raddiag.backbone.vit.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.assembly.BlockComponent;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.onnx.BlockConverter;

/**
 * Backbone {@code vit}: a fresh {@link Vit2D} sized by the architecture's {@code vit.*} settings and
 * {@code image_size} (see {@link VitSettings}); its feature width is {@code vit.dim}.
 */
@Component(service = SliceBackbone.class, property = {"raddiag.kind=backbone", "raddiag.backbone=vit"})
public final class VitEncoder extends BlockComponent<Vit2D> implements SliceBackbone {
    public VitEncoder() {
        super("vit", Vit2D.class, Map.of(BlockConverter.class, VitConverter::new));
    }

    @Override
    protected Vit2D create(ArchitectureConfig config) {
        return new Vit2D(VitSettings.from(config));
    }

    @Override
    public int featureWidth(ArchitectureConfig config) {
        return VitSettings.from(config).dim();
    }
}
