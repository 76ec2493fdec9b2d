package org.raddiag.backbone.resnet.internal;

import org.osgi.service.component.annotations.Component;
import org.raddiag.onnx.BlockConverter;

/** Backbone {@code resnet34}. */
@Component(service = BlockConverter.class,
        property = {"raddiag.kind=" + BlockConverter.KIND, BlockConverter.BLOCK + "=resnet34"})
public final class ResNet34Converter extends ResNetConverter {
    public ResNet34Converter() {
        super(34);
    }
}
