package org.raddiag.engine.onnxruntime.internal;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

/** Initialises ONNX Runtime (natives, environment, device) and self-tests a backend. No OSGi in here. */
final class OrtEngineStarter {
    private static final Logger LOG = LoggerFactory.getLogger(OrtEngineStarter.class);

    private OrtEngineStarter() {
    }

    /** A ready, self-tested backend; the caller owns it. */
    static OrtBackend start(int intraOpThreads, int interOpThreads, boolean useCuda) throws OrtException {
        long t0 = System.nanoTime();
        OrtEnvironment env = environment();
        EnumSet<OrtProvider> available = OrtEnvironment.getAvailableProviders();
        DeviceChoice choice = DeviceChoice.choose(useCuda, available);
        LOG.info("ONNX Runtime {}: {}", env.getVersion(), choice.note());
        OrtSession.SessionOptions options = OrtBackend.options(intraOpThreads, interOpThreads);
        if (choice.cuda()) {
            try {
                options.addCUDA(0);
            } catch (OrtException | RuntimeException e) {
                options.close();
                throw e;
            }
        }
        OrtBackend backend = new OrtBackend(env, options, choice.device(), intraOpThreads);
        try {
            SelfTest.run(backend);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        backend.setInitMillis((System.nanoTime() - t0) / 1_000_000);
        return backend;
    }

    /**
     * The JVM-wide environment. The first touch loads the natives; it runs with the context class loader set to this
     * bundle's loader, so nothing in ORT can pick up the caller's loader.
     */
    private static OrtEnvironment environment() {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(OrtEngineStarter.class.getClassLoader());
        try {
            return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "raddiag");
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
