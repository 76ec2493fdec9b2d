package org.raddiag.backbone.vit.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.raddiag.onnx.testing.OrtRun.maxAbs;

import ai.djl.nn.Block;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.onnx.testing.RadNetParity;
import org.raddiag.testsupport.Components;

/** RadNet on the ViT backbone exported with this plugin's converter gives PyTorch's logits and attention in ORT. */
class VitConverterTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void onnxGraphAgreesWithPyTorch(int channels) throws Exception {
        ArchitectureConfig arch = ArchitectureConfig.referenceDefault().with("backbone", "vit")
                .with("image_size", "16").with("depth", "3").with("slots", "2").with("hidden", "8")
                .with("classes", "4").with("vit.dim", "12").with("vit.depth", "2").with("vit.heads", "2")
                .with("vit.dim_head", "4").with("vit.patch", "4").with("vit.channels", Integer.toString(channels));
        VitEncoder e = new VitEncoder();
        RadNetParity.Outputs o = RadNetParity.run(arch, e.build(Block.class, arch), e.featureWidth(arch),
                Components.head("mlp").build(Block.class, arch), new long[] {2, 0, 5, 3},
                new long[] {1, 1, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1}, 5, 0.05);
        System.out.printf("[vit onnx, %d channel(s)] max |logit diff| %.3g, max |attention diff| %.3g%n",
                channels, o.logitDiff(), o.attentionDiff());
        assertTrue(o.logitDiff() <= 1e-4, "logits differ by " + o.logitDiff());
        assertTrue(o.attentionDiff() <= 1e-4, "slice attention differs by " + o.attentionDiff());
        assertTrue(maxAbs(o.ortLogits()) > 1e-3, "logits are not all zero");
    }
}
