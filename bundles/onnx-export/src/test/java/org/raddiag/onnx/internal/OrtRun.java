package org.raddiag.onnx.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: runs a serialized model once on the CPU with one thread and returns every output as floats. */
final class OrtRun implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final Map<String, OnnxTensor> inputs = new LinkedHashMap<>();

    OrtRun(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(1);
            o.setInterOpNumThreads(1);
            session = env.createSession(model, o);
        }
    }

    OrtRun floats(String name, float[] data, long... shape) throws OrtException {
        inputs.put(name, OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape));
        return this;
    }

    OrtRun longs(String name, long[] data, long... shape) throws OrtException {
        inputs.put(name, OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape));
        return this;
    }

    List<float[]> run() throws OrtException {
        List<float[]> out = new ArrayList<>();
        try (OrtSession.Result r = session.run(inputs)) {
            for (int i = 0; i < r.size(); i++) {
                FloatBuffer b = ((OnnxTensor) r.get(i)).getFloatBuffer();
                float[] a = new float[b.remaining()];
                b.get(a);
                out.add(a);
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

    static double maxAbsDiff(float[] a, float[] b) {
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
