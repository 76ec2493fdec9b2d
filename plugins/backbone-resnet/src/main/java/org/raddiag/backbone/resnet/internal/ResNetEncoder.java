package org.raddiag.backbone.resnet.internal;

import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.assembly.ComponentBlocks;
import org.raddiag.api.model.SliceBackbone;

/**
 * A reference 2-D ResNet slice encoder of one depth: builds a fresh {@link ResNet2D} (3 input channels, the
 * reference's repeated slice) whatever the configuration; its width is 2048 (ResNet-50) or 512 (ResNet-18/34).
 */
abstract class ResNetEncoder implements SliceBackbone {
    private final int layers;
    private final int width;

    ResNetEncoder(int layers) {
        this.layers = layers;
        this.width = layers >= 50 ? 2048 : 512;
    }

    @Override
    public String name() {
        return "resnet" + layers;
    }

    @Override
    public boolean supports(Class<?> blockType) {
        return blockType.isAssignableFrom(ResNet2D.class);
    }

    @Override
    public <B> B build(Class<B> blockType, ArchitectureConfig config) {
        return ComponentBlocks.build(this, blockType, () -> new ResNet2D(layers, 3));
    }

    @Override
    public int featureWidth(ArchitectureConfig config) {
        return width;
    }

    @Override
    public String toString() {
        return name();
    }
}
