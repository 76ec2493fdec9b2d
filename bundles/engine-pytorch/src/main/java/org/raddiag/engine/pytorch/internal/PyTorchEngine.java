package org.raddiag.engine.pytorch.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.compute.EngineStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the DJL PyTorch engine. Publishes an {@link EngineStatus} at once, initialises the natives on a background
 * thread (they load once per JVM; a restart of this bundle reuses them) and registers the {@link ComputeBackend}
 * only after the engine passed its self-test. A failure is logged with its cause and leaves the platform running.
 */
@Component(immediate = true, configurationPid = "org.raddiag.engine.pytorch", service = {})
@Designate(ocd = PyTorchEngineConfig.class)
public final class PyTorchEngine {
    private static final Logger LOG = LoggerFactory.getLogger(PyTorchEngine.class);

    private final EngineState state = new EngineState();
    private volatile ServiceRegistration<EngineStatus> statusRegistration;
    private volatile ServiceRegistration<ComputeBackend> backendRegistration;
    /** The PyTorch release the embedded DJL JNI library (pytorch-jni) was built for. */
    static final String PYTORCH_VERSION = "2.7.1";
    private volatile boolean active;
    private Thread initThread;

    @Activate
    void activate(BundleContext context, PyTorchEngineConfig config) {
        active = true;
        statusRegistration = context.registerService(EngineStatus.class, state, statusProperties());
        initThread = new Thread(() -> initialise(context, config), "raddiag-pytorch-init");
        initThread.setDaemon(true);
        initThread.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        active = false;
        initThread.join(120_000);
        unregister(backendRegistration);
        unregister(statusRegistration);
    }

    private void initialise(BundleContext context, PyTorchEngineConfig config) {
        try {
            applyThreads(config);
            String override = LibTorchOverride.problem(PyTorchEngine::setting, PYTORCH_VERSION).orElse(null);
            if (override != null) {
                throw new IllegalStateException(override + "; nothing was loaded from it");
            }
            Engine engine = DjlContext.call(() -> Engine.getEngine("PyTorch"));
            Device device = chooseDevice(engine, config.useCuda());
            int threads = Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
            PyTorchBackend tested = new PyTorchBackend(engine, device, threads, state.initMillis());
            String failure = selfTest(tested);
            if (failure != null && device.isGpu()) {
                LOG.warn("PyTorch engine: the self-test failed on {} ({}): falling back to the CPU", device, failure);
                device = Device.cpu();
                tested = new PyTorchBackend(engine, device, threads, state.initMillis());
                failure = selfTest(tested);
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            PyTorchBackend backend = tested;
            synchronized (this) {
                if (!active) {
                    return;
                }
                backendRegistration = context.registerService(ComputeBackend.class, backend, properties());
            }
            state.ready("PyTorch " + engine.getVersion() + " on " + device + ", " + threads + " thread(s)");
            LOG.info("PyTorch engine ready: {} in {} ms", backend.info(), state.initMillis());
        } catch (Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            state.failed(e + (root != e ? " caused by " + root : ""));
            LOG.error("PyTorch engine failed to initialise; the platform runs without it", e);
        }
    }

    /** Null when the backend computes the closed-form values, else why not (an exception counts as a failure). */
    private static String selfTest(PyTorchBackend backend) {
        try {
            return DjlContext.call(() -> SelfTest.run(backend));
        } catch (Exception | LinkageError e) {
            return e.toString();
        }
    }

    /** As DJL reads its settings: the environment variable, else the system property of the same name. */
    private static String setting(String name) {
        String v = System.getenv(name);
        return v != null && !v.isBlank() ? v : System.getProperty(name);
    }

    /** DJL reads the thread counts when the natives load; an explicit system property wins over configuration. */
    private static void applyThreads(PyTorchEngineConfig c) {
        if (c.intraOpThreads() > 0 && System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(c.intraOpThreads()));
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

    private static Dictionary<String, Object> statusProperties() {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(ServiceProperties.BACKEND, PyTorchBackend.NAME);
        return p;
    }

    private static Dictionary<String, Object> properties() {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(ServiceProperties.KIND, ServiceProperties.KIND_BACKEND);
        p.put(ServiceProperties.BACKEND, PyTorchBackend.NAME);
        return p;
    }

    private static void unregister(ServiceRegistration<?> r) {
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters services of a stopping bundle itself
            }
        }
    }
}
