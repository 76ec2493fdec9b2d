package org.raddiag.backbone.resnet.internal;

import ai.djl.nn.Block;
import java.util.Map;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ClassifierHead;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.model.assembly.PluginAssembler;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.testsupport.Components;

/**
 * The reference network (this plugin's ResNet of {@code config.resnetLayers()} + the MLP head plugin, found through
 * its {@code META-INF/services} file) and the plugin assembler, for the reference parity tests of this plugin.
 */
final class ReferenceNets {
    private ReferenceNets() {
    }

    static RadNet radNet(RadNetConfig c) {
        return RadNet.assemble(c, new ResNet2D(c.resnetLayers(), 3), c.resnetLayers() >= 50 ? 2048 : 512,
                mlpBlock(c.hidden(), c.classes()));
    }

    /** The MLP head plugin's block: {@code hidden -> hidden -> GELU -> classes}. */
    static Block mlpBlock(int hidden, int classes) {
        return mlpHead().build(Block.class, new ArchitectureConfig(Map.of(ArchitectureConfig.HIDDEN, "" + hidden,
                ArchitectureConfig.CLASSES, "" + classes)));
    }

    /** The assembler of the plugins on the test class path: backbones {@code resnet18|34|50}, head {@code mlp}. */
    static PluginAssembler assembler() {
        return PluginAssembler.fromServiceLoader(ReferenceNets.class.getClassLoader());
    }

    /** A fresh instance of the MLP head plugin component. */
    static ClassifierHead mlpHead() {
        return Components.head("mlp");
    }

    /** A fresh instance of this plugin's ResNet backbone component of {@code layers}. */
    static SliceBackbone backbone(int layers) {
        switch (layers) {
            case 18: return new ResNet18Encoder();
            case 34: return new ResNet34Encoder();
            case 50: return new ResNet50Encoder();
            default: throw new IllegalArgumentException("no ResNet-" + layers + " plugin");
        }
    }
}
