package org.raddiag.example.tinycnn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Block;
import org.junit.jupiter.api.Test;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.onnx.testing.RadNetParity;
import org.raddiag.testsupport.Components;

/**
 * RadNet on this backbone, exported with its converter ({@link TinyCnnConverter}), gives PyTorch's logits and slice
 * attention in ONNX Runtime: the unit check of the converter, before the framework's {@code ArchitecturePluginsIT}.
 */
class TinyCnnConverterTest {
    @Test
    void onnxGraphAgreesWithPyTorch() throws Exception {
        ArchitectureConfig arch = ArchitectureConfig.referenceDefault().with("backbone", "tinycnn")
                .with(TinyCnnWidth.KEY, "8").with("image_size", "16").with("depth", "3").with("slots", "2")
                .with("hidden", "8").with("classes", "4");
        TinyCnnBackbone backbone = new TinyCnnBackbone();
        RadNetParity.Outputs o = RadNetParity.run(arch, backbone.build(Block.class, arch), backbone.featureWidth(arch),
                Components.head("mlp").build(Block.class, arch), new long[] {1, 4, 0, 7},
                new long[] {1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0}, 9, 0.05);
        assertTrue(o.logitDiff() <= 1e-4, "logits differ by " + o.logitDiff());
        assertTrue(o.attentionDiff() <= 1e-4, "slice attention differs by " + o.attentionDiff());
        assertEquals(2 * 4, o.ortLogits().length, "logits of 2 cases and 4 classes");
    }
}
