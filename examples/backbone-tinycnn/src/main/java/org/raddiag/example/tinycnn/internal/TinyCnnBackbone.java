package org.raddiag.example.tinycnn.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.model.assembly.BlockComponent;
import org.raddiag.onnx.BlockConverter;

/**
 * Backbone {@code tinycnn}: selected by {@code backbone=tinycnn} in an architecture (e.g. {@code train --set
 * backbone=tinycnn}); the service properties are what the model assembly looks it up by.
 */
@Component(service = SliceBackbone.class, property = {"raddiag.kind=backbone", "raddiag.backbone=tinycnn"})
public final class TinyCnnBackbone extends BlockComponent<TinyCnn> implements SliceBackbone {
    public TinyCnnBackbone() {
        super("tinycnn", TinyCnn.class, Map.of(BlockConverter.class, TinyCnnConverter::new));
    }

    @Override
    protected TinyCnn create(ArchitectureConfig config) {
        return new TinyCnn(TinyCnnWidth.of(config));
    }

    @Override
    public int featureWidth(ArchitectureConfig config) {
        return TinyCnnWidth.of(config);
    }
}
