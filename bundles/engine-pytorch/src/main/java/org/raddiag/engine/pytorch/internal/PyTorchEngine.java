package org.raddiag.engine.pytorch.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.time.Duration;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.compute.EngineStatus;
import org.raddiag.support.engine.ContextLoader;
import org.raddiag.support.engine.NativeEngine;
import org.raddiag.support.engine.SelfTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the DJL PyTorch engine ({@link NativeEngine}: {@link EngineStatus} at once, natives on a background thread,
 * {@link ComputeBackend} only after the self-test). The natives load once per JVM; a restart of this bundle reuses
 * them. A CUDA device that fails the self-test falls back to the CPU.
 */
@Component(immediate = true, configurationPid = "org.raddiag.engine.pytorch", service = {})
@Designate(ocd = PyTorchEngineConfig.class)
public final class PyTorchEngine extends NativeEngine<PyTorchBackend> {
    private static final Logger LOG = LoggerFactory.getLogger(PyTorchEngine.class);
    /** The PyTorch release the embedded DJL JNI library (pytorch-jni) was built for. */
    static final String PYTORCH_VERSION = "2.7.1";
    /** A stop waits this long for the natives to finish loading (DJL must not be left half initialised). */
    private static final Duration STOP_WAIT = Duration.ofMinutes(2);

    private PyTorchEngineConfig config;

    public PyTorchEngine() {
        super(PyTorchBackend.NAME, STOP_WAIT);
    }

    @Activate
    void activate(BundleContext context, PyTorchEngineConfig c) {
        config = c;
        start(context);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    @Override
    protected PyTorchBackend startEngine() throws Exception {
        applyThreads(config);
        String override = LibTorchOverride.problem(PyTorchEngine::setting, PYTORCH_VERSION).orElse(null);
        if (override != null) {
            throw new IllegalStateException(override + "; nothing was loaded from it");
        }
        Engine engine = inBundle(() -> Engine.getEngine("PyTorch"));
        Device device = chooseDevice(engine, config.useCuda());
        int threads = Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        PyTorchBackend tested = new PyTorchBackend(engine, device, threads, status().initMillis());
        Exception failure = selfTest(tested);
        if (failure != null && device.isGpu()) {
            LOG.warn("PyTorch engine: the self-test failed on {} ({}): falling back to the CPU", device, failure);
            device = Device.cpu();
            tested = new PyTorchBackend(engine, device, threads, status().initMillis());
            failure = selfTest(tested);
        }
        if (failure != null) {
            throw failure;
        }
        return tested;
    }

    @Override
    protected String readyDetail(PyTorchBackend b) {
        return "PyTorch " + b.info().engineVersion() + " on " + b.info().device() + ", " + b.info().threads()
                + " thread(s)";
    }

    /** DJL finds its engine (ServiceLoader) and native resources through the TCCL: run with this bundle's loader. */
    static <T, E extends Exception> T inBundle(ContextLoader.Body<T, E> body) throws E {
        return ContextLoader.call(PyTorchEngine.class.getClassLoader(), body);
    }

    /** Null when the backend computes the closed-form values, else why not (an exception counts as a failure). */
    private static Exception selfTest(PyTorchBackend backend) {
        try {
            inBundle(() -> {
                SelfTest.run(backend);
                return null;
            });
            return null;
        } catch (Exception e) {
            return e;
        } catch (LinkageError e) {
            return new IllegalStateException("self-test: " + e, e);
        }
    }

    /** As DJL reads its settings: the environment variable, else the system property of the same name. */
    private static String setting(String name) {
        String v = System.getenv(name);
        return v != null && !v.isBlank() ? v : System.getProperty(name);
    }

    /** DJL reads the thread counts when the natives load; an explicit system property wins over configuration. */
    private static void applyThreads(PyTorchEngineConfig c) {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            int intra = c.intraOpThreads() > 0 ? c.intraOpThreads() : Runtime.getRuntime().availableProcessors();
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(intra));
        }
        if (c.interOpThreads() > 0 && System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(c.interOpThreads()));
        }
    }

    private static Device chooseDevice(Engine engine, boolean useCuda) {
        int gpus = engine.getGpuCount();
        if (useCuda && gpus > 0) {
            return Device.gpu(0);
        }
        LOG.info("PyTorch engine uses the CPU ({})", useCuda ? "no CUDA device or CUDA build available" : "CUDA disabled by configuration");
        return Device.cpu();
    }
}
