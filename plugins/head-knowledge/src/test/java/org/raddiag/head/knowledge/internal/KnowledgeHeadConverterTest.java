package org.raddiag.head.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.testsupport.Components;
import org.raddiag.onnx.Weights;
import org.raddiag.onnx.testing.RadNetParity;

/** RadNet with the knowledge head, exported with this plugin's converter, gives PyTorch's probabilities in ORT. */
class KnowledgeHeadConverterTest {
    private static final ArchitectureConfig RESNET18 = new ArchitectureConfig(java.util.Map.of());

    private static final int S = 2;
    private static final int D = 2;
    private static final int SIZE = 32;
    private static final int CLASSES = 3;

    @TempDir
    Path dir;

    private ArchitectureConfig arch() throws Exception {
        KnowledgeHeadComponentTest.writeNpy(dir.resolve("labels.npy"), KnowledgeHeadBlockTest.random(7, CLASSES * 5),
                CLASSES, 5);
        return ArchitectureConfig.referenceDefault().with("image_size", Integer.toString(SIZE))
                .with("depth", Integer.toString(D)).with("slots", Integer.toString(S)).with("hidden", "8")
                .with("classes", Integer.toString(CLASSES)).with("backbone", "resnet18").with("head", "knowledge")
                .with("head.embeddings", "labels.npy").with("package.dir", dir.toString());
    }

    @Test
    void onnxGraphAgreesWithPyTorch() throws Exception {
        ArchitectureConfig arch = arch();
        RadNetParity.Outputs o = RadNetParity.run(arch, Components.backbone("resnet18").build(Block.class, RESNET18),
                512, new KnowledgeHeadComponent().build(Block.class, arch), new long[] {2, 4, 5, 0},
                new long[] {1, 1, 1, 0, 1, 1, 0, 0}, 4, 0);
        float[] djl = o.djlLogits();
        float[] ort = o.ortLogits();
        double dp = 0;
        double scale = 1;
        for (int i = 0; i < djl.length; i++) {
            dp = Math.max(dp, Math.abs(sigmoid(djl[i]) - sigmoid(ort[i])));
            scale = Math.max(scale, Math.abs(djl[i]));
        }
        double dl = 0;
        for (int i = 0; i < djl.length; i++) {
            dl = Math.max(dl, Math.abs(djl[i] - ort[i]) / scale);
        }
        System.out.printf("[knowledge onnx] max |probability diff| %.3g, max relative logit diff %.3g%n", dp, dl);
        assertTrue(dp <= 1e-4, "probabilities differ by " + dp);
        assertTrue(dl <= 1e-4, "logits differ by " + dl + " of their scale");
    }

    @Test
    void embeddingsThatDoNotFitTheWeightsAreRefused() throws Exception {
        ArchitectureConfig arch = arch();
        Weights w = Weights.builder().put("fcke.weight", new float[8 * 6], 8, 6).put("fcke.bias", new float[8], 8)
                .build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KnowledgeHeadConverter()
                .emit(null, new org.raddiag.onnx.BlockCall("fc", arch, w, java.util.List.of("x"),
                        java.util.List.of("y"))));
        assertTrue(e.getMessage().contains("width 5"), e.getMessage());
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
