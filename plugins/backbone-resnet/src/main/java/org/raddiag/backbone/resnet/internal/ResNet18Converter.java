package org.raddiag.backbone.resnet.internal;

import org.osgi.service.component.annotations.Component;
import org.raddiag.onnx.BlockConverter;

/** Backbone {@code resnet18}. */
@Component(service = BlockConverter.class,
        property = {"raddiag.kind=" + BlockConverter.KIND, BlockConverter.BLOCK + "=resnet18"})
public final class ResNet18Converter extends ResNetConverter {
    public ResNet18Converter() {
        super(18);
    }
}
