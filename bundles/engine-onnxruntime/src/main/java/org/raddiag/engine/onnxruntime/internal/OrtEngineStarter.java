package org.raddiag.engine.onnxruntime.internal;

import org.raddiag.support.engine.CommandLineLimit;
import org.raddiag.support.engine.ContextLoader;
import org.raddiag.support.engine.SelfTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;

/** Initialises ONNX Runtime (natives, environment, device) and self-tests a backend. No OSGi in here. */
final class OrtEngineStarter {
    private static final Logger LOG = LoggerFactory.getLogger(OrtEngineStarter.class);

    private OrtEngineStarter() {
    }

    /**
     * A ready, self-tested backend; the caller owns it. When CUDA is wanted and listed but cannot start (no device, no
     * CUDA 12 / cuDNN 9 libraries, a driver too old), the backend runs on the CPU; either way one INFO or WARN line says
     * which device is used and why.
     */
    static OrtBackend start(int intraOpThreads, int interOpThreads, boolean useCuda) throws OrtException {
        long t0 = System.nanoTime();
        OrtEnvironment env = environment();
        DeviceChoice choice = DeviceChoice.choose(useCuda, OrtEnvironment.getAvailableProviders());
        OrtBackend backend = null;
        if (choice.cuda()) {
            try {
                backend = open(env, intraOpThreads, interOpThreads, choice);
            } catch (OrtException | RuntimeException | LinkageError e) {
                choice = DeviceChoice.cudaFailed(e);
            }
        }
        if (backend == null) {
            backend = open(env, intraOpThreads, interOpThreads, choice);
        }
        if (choice.fellBack()) {
            LOG.warn("ONNX Runtime {}: {}", env.getVersion(), choice.note());
        } else {
            LOG.info("ONNX Runtime {}: {}", env.getVersion(), choice.note());
        }
        backend.setInitMillis((System.nanoTime() - t0) / 1_000_000);
        return backend;
    }

    private static OrtBackend open(OrtEnvironment env, int intraOpThreads, int interOpThreads, DeviceChoice choice)
            throws OrtException {
        OrtSession.SessionOptions options = OrtBackend.options(intraOpThreads, interOpThreads);
        if (choice.cuda()) {
            try {
                options.addCUDA(0);
            } catch (OrtException | RuntimeException | LinkageError e) {
                options.close();
                throw e;
            }
        }
        OrtBackend backend = new OrtBackend(env, options, choice.device(), intraOpThreads);
        try {
            SelfTest.run(backend);
        } catch (RuntimeException | LinkageError e) {
            backend.close();
            throw e;
        }
        return backend;
    }

    /**
     * The JVM-wide environment. The first touch loads the natives; it runs with the context class loader set to this
     * bundle's loader, so nothing in ORT can pick up the caller's loader. A command line too long for ORT's natives is
     * refused first ({@link CommandLineLimit}).
     */
    private static OrtEnvironment environment() {
        CommandLineLimit.check("ONNX Runtime", CommandLineLimit.ONNX_RUNTIME_MAX_BYTES);
        return ContextLoader.call(OrtEngineStarter.class.getClassLoader(),
                () -> OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "raddiag"));
    }
}
