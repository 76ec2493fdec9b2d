package org.raddiag.example.tinycnn.internal;

import org.osgi.service.component.annotations.Component;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.model.assembly.ComponentBlocks;

/**
 * Backbone {@code tinycnn}: selected by {@code backbone=tinycnn} in an architecture (e.g. {@code train --set
 * backbone=tinycnn}); the service properties are what the model assembly looks it up by.
 */
@Component(service = SliceBackbone.class, property = {"raddiag.kind=backbone", "raddiag.backbone=tinycnn"})
public final class TinyCnnBackbone implements SliceBackbone {
    @Override
    public String name() {
        return "tinycnn";
    }

    @Override
    public boolean supports(Class<?> blockType) {
        return blockType.isAssignableFrom(TinyCnn.class);
    }

    @Override
    public <B> B build(Class<B> blockType, ArchitectureConfig config) {
        return ComponentBlocks.build(this, blockType, () -> new TinyCnn(TinyCnnWidth.of(config)));
    }

    @Override
    public int featureWidth(ArchitectureConfig config) {
        return TinyCnnWidth.of(config);
    }
}
