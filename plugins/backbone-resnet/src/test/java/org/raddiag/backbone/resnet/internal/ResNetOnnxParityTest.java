package org.raddiag.backbone.resnet.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.raddiag.onnx.testing.OrtRun.maxAbs;
import static org.raddiag.onnx.testing.OrtRun.maxAbsDiff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.OnnxExporters;
import org.raddiag.onnx.testing.DjlNets;
import org.raddiag.onnx.testing.OrtRun;
import org.raddiag.testsupport.Components;

/**
 * RadNet on each ResNet backbone with the MLP head, exported with the converters found on the class path (this
 * plugin's and the MLP head's), gives DJL's logits and slice attention in ONNX Runtime (same random weights, BatchNorm
 * with non-trivial statistics, a padded slice and an empty slot).
 */
class ResNetOnnxParityTest {
    private static final int B = 2;
    private static final int S = 2;
    private static final int D = 3;
    private static final int SIZE = 32;
    private static final long[] MODS = {4, 7, 1, 0};
    private static final long[] MARKS = {1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0};

    @ParameterizedTest
    @ValueSource(ints = {18, 34, 50})
    void onnxGraphAgreesWithDjl(int layers) throws Exception {
        RadNetConfig cfg = new RadNetConfig(layers, D, 32, 5, 16, 1, 1, 4, 2, true);
        float[] images;
        float[] djlLogits;
        float[] djlAttention;
        byte[] model;
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(11);
            RadNet net = ReferenceNets.radNet(cfg);
            net.initialize(m, DataType.FLOAT32, new Shape(B, S, 1, SIZE, SIZE, D), new Shape(B, S), new Shape(B, S, D));
            DjlNets.randomise(net, 7);
            // random trunks saturate the depth-pooling softmax: shrink Q and K there so the attention means something
            net.referenceParameters().forEach((k, p) -> {
                if (k.matches("attention1D\\..*self_attn\\.linears\\.[01]\\.weight")) {
                    p.getArray().muli(1e-3f);
                }
            });
            NDArray x = m.randomUniform(0f, 1f, new Shape(B, S, 1, SIZE, SIZE, D));
            float[] marks = new float[MARKS.length];
            for (int i = 0; i < marks.length; i++) {
                marks[i] = MARKS[i];
            }
            NDList out = net.forward(new ParameterStore(m, false), new NDList(x, m.create(MODS, new Shape(B, S)),
                    m.create(marks, new Shape(B, S, D))), false);
            images = x.toFloatArray();
            djlLogits = out.get(0).toFloatArray();
            djlAttention = out.get(2).get(new NDIndex(":, 1:")).toFloatArray();
            ArchitectureConfig arch = new ArchitectureConfig(Map.of(ArchitectureConfig.BACKBONE, "resnet" + layers,
                    ArchitectureConfig.IMAGE_SIZE, "" + SIZE, ArchitectureConfig.DEPTH, "" + D,
                    ArchitectureConfig.SLOTS, "" + S, ArchitectureConfig.HIDDEN, "32",
                    ArchitectureConfig.CLASSES, "5", ArchitectureConfig.FUSION, "early",
                    ArchitectureConfig.HEAD, "mlp"));
            model = OnnxExporters.standalone(Components.all(BlockConverter.class), Components.components())
                    .export(arch, DjlNets.weights(net, ""));
        }
        Map<String, float[]> res = OrtRun.radNet(model, images, new long[] {B, S, 1, SIZE, SIZE, D}, MODS, MARKS);
        float[] logits = res.get("logits");
        float[] attention = res.get("slice_attention");
        double scale = Math.max(1, maxAbs(djlLogits));
        double dl = maxAbsDiff(djlLogits, logits) / scale;
        double da = 0;
        for (int slot = 0; slot < B * S; slot++) {
            if (MODS[slot] == 0) {
                continue; // an empty slot's attention means nothing (RadNet skips its slices)
            }
            for (int d = 0; d < D; d++) {
                int i = slot * D + d;
                da = Math.max(da, Math.abs(djlAttention[i] - attention[i]));
            }
        }
        System.out.printf("[resnet%d + mlp onnx] max |logit diff| / max(1, |logit|) %.3g, attention %.3g%n",
                layers, dl, da);
        assertTrue(dl <= 1e-5, "logits differ by " + dl + " (relative)");
        assertTrue(da <= 1e-5, "slice attention differs by " + da);
        assertTrue(maxAbs(logits) > 1e-3, "logits are not all zero");
    }
}
