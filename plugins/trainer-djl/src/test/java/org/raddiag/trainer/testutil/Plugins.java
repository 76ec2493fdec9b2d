package org.raddiag.trainer.testutil;

import org.raddiag.api.model.SliceBackbone;
import org.raddiag.backbone.resnet.internal.ResNet18Encoder;
import org.raddiag.backbone.resnet.internal.ResNet34Encoder;
import org.raddiag.backbone.resnet.internal.ResNet50Encoder;
import org.raddiag.backbone.vit.internal.VitEncoder;
import org.raddiag.head.mlp.internal.MlpHeadComponent;
import org.raddiag.model.assembly.PluginAssembler;

/** A network assembler with the real backbone (ResNet-18/34/50, ViT) and head (MLP) plugin components. */
public final class Plugins {
    private Plugins() {
    }

    public static PluginAssembler assembler() {
        PluginAssembler a = new PluginAssembler();
        for (SliceBackbone b : new SliceBackbone[] {new ResNet18Encoder(), new ResNet34Encoder(), new ResNet50Encoder(),
                new VitEncoder()}) {
            a.addBackbone(b.name(), b);
        }
        a.addHead("mlp", new MlpHeadComponent());
        return a;
    }
}
