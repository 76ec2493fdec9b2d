package org.raddiag.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.checkpoint.SafetensorsFile;

class AdamWTest {
    private static Parameter param(NDManager m, float v) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT)
                .optInitializer(Initializer.ONES).optShape(new Shape(1)).build();
        p.initialize(m, DataType.FLOAT32);
        p.getArray().set(new float[] {v});
        p.getArray().setRequiresGradient(true); // as in training: in-place updates must still work on such leaves
        return p;
    }

    /** Scalar AdamW as torch defines it, in double precision. */
    private static double[] reference(double p, double[] grads, double[] lrs, double wd) {
        double m = 0;
        double v = 0;
        double[] out = new double[grads.length];
        for (int t = 1; t <= grads.length; t++) {
            double g = grads[t - 1];
            double lr = lrs[t - 1];
            p *= 1 - lr * wd;
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            double mh = m / (1 - Math.pow(0.9, t));
            double vh = v / (1 - Math.pow(0.999, t));
            p -= lr * mh / (Math.sqrt(vh) + 1e-8);
            out[t - 1] = p;
        }
        return out;
    }

    @Test
    void matchesTorchAdamWAndResumesFromItsState(@TempDir Path dir) throws Exception {
        double[] grads = {0.5, -0.2, 0.1, 0.3};
        double[] lrs = {0.01, 0.02, 0.015, 0.01};
        double[] ref = reference(2.0, grads, lrs, 0.1);
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = param(m, 2f);
            AdamW opt = new AdamW(Map.of("w", p), 0.9, 0.999, 1e-8, 0.1);
            for (int t = 0; t < 2; t++) {
                NDArray g = m.create(new float[] {(float) grads[t]});
                // grad mode on, as on a fresh thread in PyTorch: in-place updates of the leaf must still work
                try (ai.djl.training.GradientCollector gc = m.getEngine().newGradientCollector()) {
                    opt.update(lrs[t], Map.of("w", g));
                }
                assertEquals(ref[t], p.getArray().getFloat(), 1e-6, "step " + t);
            }
            Parameter q = param(m, p.getArray().getFloat());
            AdamW resumed = new AdamW(Map.of("w", q), 0.9, 0.999, 1e-8, 0.1);
            Path saved = dir.resolve("optimizer.safetensors"); // as a checkpoint stores it
            SafetensorsFile.write(saved, opt.streamedState(), Map.of());
            resumed.restore(SafetensorsFile.read(saved), opt.stepCount());
            assertEquals(2, resumed.stepCount());
            for (int t = 2; t < 4; t++) {
                NDArray g = m.create(new float[] {(float) grads[t]});
                resumed.update(lrs[t], Map.of("w", g));
                assertEquals(ref[t], q.getArray().getFloat(), 1e-6, "resumed step " + t);
            }
        }
    }

    /**
     * Gradients so small that the second moment is a subnormal float, and a clipping factor: the update is torch's
     * (on the scaled gradients), to float precision, whatever the denominator's clamp at {@code Float.MIN_NORMAL}.
     */
    @Test
    void subnormalMomentsAndAClippingFactorGiveTorchsUpdate() {
        double scale = 0.5;
        double[] grads = {6e-20, -4e-20, 8e-20};
        double[] scaled = new double[grads.length];
        for (int t = 0; t < grads.length; t++) {
            scaled[t] = grads[t] * scale;
        }
        double[] lrs = {1, 1, 1};
        double[] ref = reference(0.0, scaled, lrs, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = param(m, 0f);
            AdamW opt = new AdamW(Map.of("w", p), 0.9, 0.999, 1e-8, 0);
            for (int t = 0; t < grads.length; t++) {
                opt.update(lrs[t], Map.of("w", m.create(new float[] {(float) grads[t]})), scale);
                assertEquals(ref[t], p.getArray().getFloat(), 1e-6 * Math.abs(ref[t]), "step " + t);
            }
            float v = ((float) (0.001 * scaled[0] * scaled[0]));
            assertEquals(true, v != 0 && v < Float.MIN_NORMAL, "the first second moment is subnormal: " + v);
        }
    }
}
