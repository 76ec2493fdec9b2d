package org.raddiag.backbone.resnet.internal;

import org.osgi.service.component.annotations.Component;
import org.raddiag.api.model.SliceBackbone;

/** Backbone {@code resnet50}: the reference ResNet-50 trunk up to global average pooling. */
@Component(service = SliceBackbone.class, property = {"raddiag.kind=backbone", "raddiag.backbone=resnet50"})
public final class ResNet50Encoder extends ResNetEncoder {
    public ResNet50Encoder() {
        super(50);
    }
}
