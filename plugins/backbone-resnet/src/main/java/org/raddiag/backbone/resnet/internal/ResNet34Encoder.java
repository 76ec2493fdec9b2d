package org.raddiag.backbone.resnet.internal;

import org.osgi.service.component.annotations.Component;
import org.raddiag.api.model.SliceBackbone;

/** Backbone {@code resnet34}: the reference ResNet-34 trunk up to global average pooling. */
@Component(service = SliceBackbone.class, property = {"raddiag.kind=backbone", "raddiag.backbone=resnet34"})
public final class ResNet34Encoder extends ResNetEncoder {
    public ResNet34Encoder() {
        super(34);
    }
}
