package org.raddiag.onnx.testing;

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
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.OnnxExporters;
import org.raddiag.onnx.Weights;
import org.raddiag.testsupport.Components;

/**
 * The ONNX parity check each backbone and head plugin runs on its converter: RadNet assembled from a backbone and a
 * head block, run in DJL (PyTorch) on seeded random images and, exported with every converter and model component
 * on the test class path, in ONNX Runtime. Sizes come from the architecture ({@code slots}, {@code depth}, {@code image_size}; one
 * image channel); the batch from {@code mods}.
 */
public final class RadNetParity {
    private RadNetParity() {
    }

    /** The flat outputs of both runs: logits (B, classes) and slice attention (B, S, D). */
    public record Outputs(float[] djlLogits, float[] djlAttention, float[] ortLogits, float[] ortAttention,
            long[] mods, int depth) {
        /** The largest absolute logit difference. */
        public double logitDiff() {
            return OrtRun.maxAbsDiff(djlLogits, ortLogits);
        }

        /** The largest absolute slice-attention difference over the filled slots (an empty slot's row means nothing). */
        public double attentionDiff() {
            double d = 0;
            for (int slot = 0; slot < mods.length; slot++) {
                if (mods[slot] != 0) {
                    int from = slot * depth;
                    d = Math.max(d, OrtRun.maxAbsDiff(java.util.Arrays.copyOfRange(djlAttention, from, from + depth),
                            java.util.Arrays.copyOfRange(ortAttention, from, from + depth)));
                }
            }
            return d;
        }
    }

    /**
     * Runs both.
     *
     * @param mods   modality codes per slot (B x S, 0 = empty slot)
     * @param marks  valid-slice marks (B x S x D)
     * @param seed   seed of the images and of the weight jitter (the initial weights: engine seed 3)
     * @param jitter standard deviation of the noise added to every weight so that none stays at its initial
     *               constant (0: the initial weights)
     */
    public static Outputs run(ArchitectureConfig arch, Block backbone, int featureWidth, Block head, long[] mods,
            long[] marks, long seed, double jitter) throws Exception {
        int s = arch.getInt(ArchitectureConfig.SLOTS);
        int b = mods.length / s;
        int d = arch.getInt(ArchitectureConfig.DEPTH);
        int size = arch.getInt(ArchitectureConfig.IMAGE_SIZE);
        Random r = new Random(seed);
        float[] images = new float[b * s * size * size * d];
        for (int i = 0; i < images.length; i++) {
            images[i] = r.nextFloat();
        }
        Shape imageShape = new Shape(b, s, 1, size, size, d);
        Weights.Builder w = Weights.builder();
        NDList out;
        float[] djlLogits;
        float[] djlAttention;
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            RadNet net = RadNet.assemble(RadNetConfig.from(arch), backbone, featureWidth, head);
            net.initialize(m, DataType.FLOAT32, imageShape, new Shape(b, s), new Shape(b, s, d));
            for (Map.Entry<String, Parameter> p : net.referenceParameters().entrySet()) {
                NDArray a = p.getValue().getArray();
                float[] v = a.toFloatArray();
                if (jitter > 0) {
                    for (int i = 0; i < v.length; i++) {
                        v[i] += (float) (jitter * r.nextGaussian());
                    }
                    a.set(v);
                }
                w.put(p.getKey(), v, a.getShape().getShape());
            }
            float[] marksF = new float[marks.length];
            for (int i = 0; i < marks.length; i++) {
                marksF[i] = marks[i];
            }
            out = net.forward(new ParameterStore(m, false), new NDList(m.create(images, imageShape),
                    m.create(mods, new Shape(b, s)), m.create(marksF, new Shape(b, s, d))), false);
            djlLogits = out.get(0).toFloatArray();
            djlAttention = out.get(3).toFloatArray();
        }
        byte[] model = OnnxExporters.standalone(Components.all(BlockConverter.class), Components.components())
                .export(arch, w.build());
        Map<String, float[]> ort = OrtRun.radNet(model, images, imageShape.getShape(), mods, marks);
        return new Outputs(djlLogits, djlAttention, ort.get("logits"), ort.get("slice_attention"), mods, d);
    }
}
