package org.raddiag.example.tinycnn.internal;

import org.osgi.service.component.annotations.Component;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.SliceBackbone;

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
        if (!supports(blockType)) {
            throw new UnsupportedOperationException("tinycnn builds DJL blocks, not " + blockType.getName());
        }
        return blockType.cast(new TinyCnn(TinyCnnWidth.of(config)));
    }

    @Override
    public int featureWidth(ArchitectureConfig config) {
        return TinyCnnWidth.of(config);
    }
}
