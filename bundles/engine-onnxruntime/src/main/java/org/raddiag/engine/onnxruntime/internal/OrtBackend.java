package org.raddiag.engine.onnxruntime.internal;

import java.nio.FloatBuffer;
import java.util.Map;

import org.raddiag.api.compute.BackendInfo;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.data.FloatTensor;
import org.raddiag.support.engine.CloseGate;
import org.raddiag.support.engine.MlpShapes;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * {@link ComputeBackend} on ONNX Runtime. {@link #mlp} builds the head graph once per weight set (LRU of
 * {@value #CACHED_SESSIONS} sessions) and runs it with the configured session options.
 */
final class OrtBackend implements ComputeBackend, AutoCloseable {
    static final String NAME = "onnxruntime";
    static final String ENGINE = "ONNX Runtime";
    private static final int CACHED_SESSIONS = 8;

    private final OrtEnvironment env;
    private final OrtSession.SessionOptions options;
    private final String device;
    private final int threads;
    private final SessionCache<WeightKey, OrtSession> sessions = new SessionCache<>(CACHED_SESSIONS);
    /** {@link #close} waits for the calls in flight, so nothing native is freed under a call. */
    private final CloseGate gate = new CloseGate();
    private volatile long initMillis;

    /** Takes ownership of {@code options}. */
    OrtBackend(OrtEnvironment env, OrtSession.SessionOptions options, String device, int threads) {
        this.env = env;
        this.options = options;
        this.device = device;
        this.threads = threads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BackendInfo info() {
        return new BackendInfo(ENGINE, env.getVersion(), device, threads, initMillis);
    }

    void setInitMillis(long millis) {
        this.initMillis = millis;
    }

    /** Number of sessions currently cached. */
    int cachedSessions() {
        return sessions.size();
    }

    @Override
    public FloatTensor mlp(FloatTensor x, FloatTensor w1, FloatTensor b1, FloatTensor w2, FloatTensor b2) {
        MlpShapes s = MlpShapes.of(x, w1, b1, w2, b2);
        if (s.batch() == 0) {
            return new FloatTensor(new float[0], 0, s.out());
        }
        return gate.call(() -> new IllegalStateException("the ONNX Runtime backend is closed"),
                () -> run(s, x, w1, b1, w2, b2));
    }

    private FloatTensor run(MlpShapes s, FloatTensor x, FloatTensor w1, FloatTensor b1, FloatTensor w2,
            FloatTensor b2) {
        SessionCache.Factory<WeightKey, OrtSession> build =
                k -> env.createSession(MlpGraph.build(s, w1, b1, w2, b2), options);
        try (SessionCache.Lease<OrtSession> session = sessions.acquire(new WeightKey(s, w1, b1, w2, b2), build);
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x.data()),
                        new long[] {s.batch(), s.in()});
                OrtSession.Result result = session.get().run(Map.of(MlpGraph.INPUT, input))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] data = new float[out.remaining()];
            out.get(data);
            return new FloatTensor(data, s.batch(), s.out());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("ONNX Runtime mlp failed: " + e.getMessage(), e);
        }
    }

    /** Closes the cached sessions (each once it is no longer in use) and the session options. */
    @Override
    public void close() {
        gate.close(() -> {
            sessions.close();
            options.close();
        });
    }

    /** Session options with the given thread counts; the caller adds an execution provider if wanted. */
    static OrtSession.SessionOptions options(int intraOpThreads, int interOpThreads) throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        try {
            o.setIntraOpNumThreads(intraOpThreads);
            o.setInterOpNumThreads(interOpThreads);
            return o;
        } catch (OrtException | RuntimeException e) {
            o.close();
            throw e;
        }
    }
}
