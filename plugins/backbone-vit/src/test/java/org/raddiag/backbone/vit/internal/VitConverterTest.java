package org.raddiag.backbone.vit.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.raddiag.onnx.testing.OrtRun.maxAbs;
import static org.raddiag.onnx.testing.OrtRun.maxAbsDiff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.onnx.Weights;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.OnnxExporters;
import org.raddiag.onnx.testing.OrtRun;
import org.raddiag.testsupport.Components;

/** RadNet on the ViT backbone exported with this plugin's converter gives PyTorch's logits and attention in ORT. */
class VitConverterTest {
    private static final int B = 2;
    private static final int S = 2;
    private static final int D = 3;
    private static final int SIZE = 16;

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void onnxGraphAgreesWithPyTorch(int channels) throws Exception {
        ArchitectureConfig arch = ArchitectureConfig.referenceDefault().with("backbone", "vit")
                .with("image_size", Integer.toString(SIZE)).with("depth", Integer.toString(D))
                .with("slots", Integer.toString(S)).with("hidden", "8").with("classes", "4").with("vit.dim", "12")
                .with("vit.depth", "2").with("vit.heads", "2").with("vit.dim_head", "4").with("vit.patch", "4")
                .with("vit.channels", Integer.toString(channels));
        VitEncoder e = new VitEncoder();
        Random r = new Random(5);
        float[] images = new float[B * S * SIZE * SIZE * D];
        for (int i = 0; i < images.length; i++) {
            images[i] = r.nextFloat();
        }
        long[] mods = {2, 0, 5, 3};
        long[] marks = {1, 1, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1};
        float[] djlLogits;
        float[] djlAttention;
        Weights.Builder w = Weights.builder();
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            RadNet net = RadNet.assemble(RadNetConfig.from(arch), e.build(Block.class, arch), e.featureWidth(arch),
                    Components.head("mlp").build(Block.class, arch));
            net.initialize(m, DataType.FLOAT32, new Shape(B, S, 1, SIZE, SIZE, D), new Shape(B, S), new Shape(B, S, D));
            for (Map.Entry<String, Parameter> p : net.referenceParameters().entrySet()) {
                NDArray a = p.getValue().getArray();
                float[] v = a.toFloatArray();
                for (int i = 0; i < v.length; i++) {
                    v[i] += (float) (0.05 * r.nextGaussian()); // no parameter at its initial constant
                }
                a.set(v);
                w.put(p.getKey(), v, a.getShape().getShape());
            }
            float[] marksF = new float[marks.length];
            for (int i = 0; i < marks.length; i++) {
                marksF[i] = marks[i];
            }
            NDList out = net.forward(new ParameterStore(m, false), new NDList(
                    m.create(images, new Shape(B, S, 1, SIZE, SIZE, D)), m.create(mods, new Shape(B, S)),
                    m.create(marksF, new Shape(B, S, D))), false);
            djlLogits = out.get(0).toFloatArray();
            djlAttention = out.get(3).toFloatArray();
        }
        byte[] model = OnnxExporters.standalone(Components.all(BlockConverter.class), java.util.List.of()).export(arch, w.build());

        Map<String, float[]> res = OrtRun.radNet(model, images, new long[] {B, S, 1, SIZE, SIZE, D}, mods, marks);
        float[] logits = res.get("logits");
        float[] attention = res.get("slice_attention");
        double dl = maxAbsDiff(djlLogits, logits);
        // slot (0, 1) is empty (mods 0): its attention row means nothing (RadNet skips its slices)
        double da = Math.max(maxAbsDiff(slot(djlAttention, 0), slot(attention, 0)),
                Math.max(maxAbsDiff(slot(djlAttention, 2), slot(attention, 2)),
                        maxAbsDiff(slot(djlAttention, 3), slot(attention, 3))));
        System.out.printf("[vit onnx, %d channel(s)] max |logit diff| %.3g, max |attention diff| %.3g%n",
                channels, dl, da);
        assertTrue(dl <= 1e-4, "logits differ by " + dl);
        assertTrue(da <= 1e-4, "slice attention differs by " + da);
        assertTrue(maxAbs(logits) > 1e-3, "logits are not all zero");
    }

    /** Slice attention row of flat slot {@code i} (b * S + s). */
    private static float[] slot(float[] attention, int i) {
        return java.util.Arrays.copyOfRange(attention, i * D, (i + 1) * D);
    }
}
