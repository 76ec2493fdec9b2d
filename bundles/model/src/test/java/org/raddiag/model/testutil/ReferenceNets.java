package org.raddiag.model.testutil;

import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ClassifierHead;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.model.assembly.PluginAssembler;
import org.raddiag.model.blocks.MlpHead;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.model.blocks.ResNet2D;

/**
 * The reference network (ResNet of {@code config.resnetLayers()} + MLP head) for this module's tests, which cannot
 * depend on the plugin bundles (they depend on this one); the same blocks the ResNet and MLP plugins build.
 */
public final class ReferenceNets {
    private ReferenceNets() {
    }

    public static RadNet radNet(RadNetConfig c) {
        return RadNet.assemble(c, new ResNet2D(c.resnetLayers(), 3), c.resnetLayers() >= 50 ? 2048 : 512,
                new MlpHead(c.hidden(), c.hidden(), c.classes()));
    }

    /** An assembler with the reference backbones {@code resnet18|34|50} and the head {@code mlp}. */
    public static PluginAssembler assembler() {
        PluginAssembler a = new PluginAssembler();
        for (int layers : new int[] {18, 34, 50}) {
            a.addBackbone("resnet" + layers, backbone(layers));
        }
        a.addHead("mlp", mlpHead());
        return a;
    }

    /** A fresh instance of the reference MLP head component. */
    public static ClassifierHead mlpHead() {
        return new ClassifierHead() {
            @Override
            public String name() {
                return "mlp";
            }

            @Override
            public boolean supports(Class<?> blockType) {
                return blockType.isAssignableFrom(MlpHead.class);
            }

            @Override
            public <B> B build(Class<B> blockType, ArchitectureConfig config) {
                int h = config.getInt(ArchitectureConfig.HIDDEN);
                return blockType.cast(new MlpHead(h, h, config.getInt(ArchitectureConfig.CLASSES)));
            }
        };
    }

    /** A fresh instance of the reference ResNet backbone component of {@code layers}. */
    public static SliceBackbone backbone(int layers) {
        return new SliceBackbone() {
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
                return blockType.cast(new ResNet2D(layers, 3));
            }

            @Override
            public int featureWidth(ArchitectureConfig config) {
                return layers >= 50 ? 2048 : 512;
            }
        };
    }

}
