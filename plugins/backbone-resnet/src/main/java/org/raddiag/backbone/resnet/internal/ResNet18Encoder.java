package org.raddiag.backbone.resnet.internal;

import org.osgi.service.component.annotations.Component;
import org.raddiag.api.model.SliceBackbone;

/** Backbone {@code resnet18}: the reference ResNet-18 trunk up to global average pooling. */
@Component(service = SliceBackbone.class, property = {"raddiag.kind=backbone", "raddiag.backbone=resnet18"})
public final class ResNet18Encoder extends ResNetEncoder {
    public ResNet18Encoder() {
        super(18);
    }
}
