package org.raddiag.backbone.resnet.internal;

import org.osgi.service.component.annotations.Component;
import org.raddiag.onnx.BlockConverter;

/** Backbone {@code resnet50}. */
@Component(service = BlockConverter.class,
        property = {"raddiag.kind=" + BlockConverter.KIND, BlockConverter.BLOCK + "=resnet50"})
public final class ResNet50Converter extends ResNetConverter {
    public ResNet50Converter() {
        super(50);
    }
}
