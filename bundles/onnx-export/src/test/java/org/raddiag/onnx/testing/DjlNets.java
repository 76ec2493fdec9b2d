package org.raddiag.onnx.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.Map;
import java.util.Random;
import org.raddiag.model.blocks.ReferenceBlock;
import org.raddiag.onnx.Weights;

/**
 * Test helper shared through this module's test jar: randomises the DJL reference blocks' parameters and reads them
 * back as {@link Weights}, for the converter parity tests here and in the backbone and head plugins.
 */
public final class DjlNets {
    private DjlNets() {
    }

    /**
     * Gives BatchNorm non-trivial statistics (mean U(-0.2, 0.2), var U(0.5, 1.5), scale U(0.5, 1.2), shift
     * U(-0.2, 0.2)) and perturbs every other parameter by N(0, 0.05), so that no converter can pass by accident.
     */
    public static void randomise(ReferenceBlock block, long seed) {
        Random r = new Random(seed);
        for (Map.Entry<String, Parameter> e : block.referenceParameters().entrySet()) {
            NDArray a = e.getValue().getArray();
            float[] v = a.toFloatArray();
            String k = e.getKey();
            boolean bn = k.contains("bn") || k.contains("downsample.1");
            for (int i = 0; i < v.length; i++) {
                if (bn && k.endsWith("running_mean")) {
                    v[i] = (float) (r.nextDouble() * 0.4 - 0.2);
                } else if (bn && k.endsWith("running_var")) {
                    v[i] = (float) (0.5 + r.nextDouble());
                } else if (bn && k.endsWith("weight")) {
                    v[i] = (float) (0.5 + 0.7 * r.nextDouble());
                } else if (bn && k.endsWith("bias")) {
                    v[i] = (float) (r.nextDouble() * 0.4 - 0.2);
                } else {
                    v[i] += (float) (0.05 * r.nextGaussian());
                }
            }
            a.set(v);
        }
    }

    public static Weights weights(ReferenceBlock block, String prefix) {
        Weights.Builder b = Weights.builder();
        for (Map.Entry<String, Parameter> e : block.referenceParameters().entrySet()) {
            NDArray a = e.getValue().getArray();
            b.put(prefix + e.getKey(), a.toFloatArray(), a.getShape().getShape());
        }
        return b.build();
    }
}
