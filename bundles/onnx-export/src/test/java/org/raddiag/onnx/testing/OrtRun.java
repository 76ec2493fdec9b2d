package org.raddiag.onnx.testing;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper shared through this module's test jar: runs a serialized model once on the CPU with one thread and
 * returns every output as floats.
 */
public final class OrtRun implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final Map<String, OnnxTensor> inputs = new LinkedHashMap<>();

    public OrtRun(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(1);
            o.setInterOpNumThreads(1);
            session = env.createSession(model, o);
        }
    }

    public OrtRun floats(String name, float[] data, long... shape) throws OrtException {
        inputs.put(name, OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape));
        return this;
    }

    public OrtRun longs(String name, long[] data, long... shape) throws OrtException {
        inputs.put(name, OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape));
        return this;
    }

    /** Every output in the model's output order. */
    public List<float[]> run() throws OrtException {
        return new ArrayList<>(runNamed().values());
    }

    /** Every output by name, in the model's output order. */
    public Map<String, float[]> runNamed() throws OrtException {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (OrtSession.Result r = session.run(inputs)) {
            for (Map.Entry<String, OnnxValue> e : r) {
                FloatBuffer b = ((OnnxTensor) e.getValue()).getFloatBuffer();
                float[] a = new float[b.remaining()];
                b.get(a);
                out.put(e.getKey(), a);
            }
        }
        return out;
    }

    @Override
    public void close() throws OrtException {
        for (OnnxTensor t : inputs.values()) {
            t.close();
        }
        session.close();
    }

    /**
     * Runs an exported RadNet once: {@code images} of {@code imageShape} (B, S, C, H, W, D), {@code mods} (B, S) and
     * {@code marks} (B, S, D); every output by name ({@code logits}, {@code slice_attention}).
     */
    public static Map<String, float[]> radNet(byte[] model, float[] images, long[] imageShape, long[] mods,
            long[] marks) throws OrtException {
        long b = imageShape[0];
        long s = imageShape[1];
        try (OrtRun run = new OrtRun(model)) {
            return run.floats("images", images, imageShape).longs("mods", mods, b, s)
                    .longs("marks", marks, b, s, imageShape[5]).runNamed();
        }
    }

    /** The largest absolute value (0 for an empty array). */
    public static double maxAbs(float[] a) {
        double m = 0;
        for (float v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** The largest absolute difference; infinite where one is NaN, an error where the lengths differ. */
    public static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            m = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(m, d);
        }
        return m;
    }
}
