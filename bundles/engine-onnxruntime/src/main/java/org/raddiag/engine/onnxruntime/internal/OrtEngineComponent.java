package org.raddiag.engine.onnxruntime.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * The long-lived ONNX Runtime engine. Registers {@link EngineStatus} at once, then on a background thread cleans
 * stale native folders, initialises ORT, self-tests it and only then registers the {@link ComputeBackend}. A failure
 * is reported as {@code FAILED} with its cause; the rest of the platform keeps running.
 */
@Component(immediate = true, configurationPid = OrtEngineComponent.PID, service = {})
@Designate(ocd = OrtEngineConfig.class)
public class OrtEngineComponent {
    static final String PID = "org.raddiag.engine.onnxruntime";
    private static final Logger LOG = LoggerFactory.getLogger(OrtEngineComponent.class);

    private final EngineState state = new EngineState(OrtBackend.NAME);
    private final Object lock = new Object();
    private ServiceRegistration<EngineStatus> statusRegistration;
    private ServiceRegistration<ComputeBackend> backendRegistration;
    private OrtBackend backend;
    private boolean active;

    @Activate
    void activate(BundleContext context, OrtEngineConfig config) {
        synchronized (lock) {
            active = true;
            statusRegistration = context.registerService(EngineStatus.class, state,
                    properties(ServiceProperties.BACKEND, OrtBackend.NAME));
        }
        Thread init = new Thread(() -> initialise(context, config), "raddiag-onnxruntime-init");
        init.setDaemon(true);
        init.start();
    }

    @Deactivate
    void deactivate() {
        synchronized (lock) {
            active = false;
            unregister(backendRegistration);
            backendRegistration = null;
            unregister(statusRegistration);
            statusRegistration = null;
            if (backend != null) {
                backend.close();
                backend = null;
            }
        }
    }

    private void initialise(BundleContext context, OrtEngineConfig config) {
        if (config.cleanStaleTempDirs()) {
            cleanStaleTempDirs(Duration.ofMinutes(config.staleTempMinAgeMinutes()));
        }
        OrtBackend started;
        try {
            started = OrtEngineStarter.start(config.intraOpThreads(), config.interOpThreads(), config.useCuda());
        } catch (Exception | LinkageError e) { // UnsatisfiedLinkError included: report, keep the platform running
            if (!isActive()) {
                // the bundle stopped while the natives were loading (a short one-shot command): nothing to report, and
                // not even logging is safe once the bundle's wiring is gone
                return;
            }
            LOG.error("ONNX Runtime engine failed to start", e);
            state.failed(e);
            return;
        }
        synchronized (lock) {
            if (!active) {
                started.close();
                return;
            }
            try {
                backend = started;
                backendRegistration = context.registerService(ComputeBackend.class, started,
                        properties(ServiceProperties.KIND, ServiceProperties.KIND_BACKEND,
                                ServiceProperties.BACKEND, OrtBackend.NAME));
            } catch (IllegalStateException e) { // bundle stopping under us
                started.close();
                backend = null;
                state.failed(e);
                return;
            }
            state.ready(started.info().toString(), started.info().initMillis());
        }
        LOG.info("ONNX Runtime engine ready: {}", started.info());
    }

    private boolean isActive() {
        synchronized (lock) {
            return active;
        }
    }

    private static void cleanStaleTempDirs(Duration minAge) {
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
            Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            Instant oldEnough = Instant.now().minus(minAge);
            Instant cutoff = jvmStart.isBefore(oldEnough) ? jvmStart : oldEnough;
            StaleTempCleaner.Result r = new StaleTempCleaner(tmp, System.getProperty("user.name"), cutoff)
                    .clean(ProcMaps.mappedUnder(Path.of("/proc"), tmp));
            if (!r.deleted().isEmpty()) {
                LOG.info("Removed {} stale ONNX Runtime native folder(s) from {} ({} bytes): {}",
                        r.deleted().size(), tmp, r.bytesFreed(), r.deleted());
            }
        } catch (Exception e) {
            LOG.warn("Could not clean stale ONNX Runtime native folders: {}", e.toString());
        }
    }

    private static Dictionary<String, Object> properties(String... keyValues) {
        Hashtable<String, Object> p = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private static void unregister(ServiceRegistration<?> registration) {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it when the bundle stopped
            }
        }
    }
}
