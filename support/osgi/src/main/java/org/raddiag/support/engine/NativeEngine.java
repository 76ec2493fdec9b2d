package org.raddiag.support.engine;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.compute.EngineStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every native engine bundle does around its engine. {@link #start} registers the {@link EngineStatus}
 * (STARTING) at once and starts the natives on a background thread ({@link #startEngine}: load, choose the device,
 * self-test), so a slow or broken native library never blocks the framework. Only a backend that passed its
 * self-test is registered as {@link ComputeBackend} ({@code raddiag.kind=backend}, {@code raddiag.backend=NAME}),
 * then the state is READY. Any failure, native link errors included, is logged with its cause and leaves the state
 * FAILED with the cause chain; the rest of the platform runs on. {@link #stop} unregisters both and closes the
 * backend if it is {@link AutoCloseable}.
 *
 * <p>Engine bundles are long-lived: natives load once per JVM, so a DS component of an engine bundle extends this
 * class and calls {@link #start} and {@link #stop} from its activate and deactivate methods. The services are
 * registered from code, so the bundle declares them with {@code Provide-Capability: osgi.service} for resolvers.
 *
 * @param <B> the engine's backend
 */
public abstract class NativeEngine<B extends ComputeBackend> {
    private final String backendName;
    private final Duration stopWait;
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Object lock = new Object();
    private EngineState state;
    private ServiceRegistration<EngineStatus> statusRegistration;
    private ServiceRegistration<ComputeBackend> backendRegistration;
    private B backend;
    private boolean active;
    private Thread startThread;

    /**
     * @param backendName the backend name, e.g. {@code pytorch}
     * @param stopWait how long {@link #stop} waits for a start still under way (zero: it does not wait; a start that
     *     finishes after the stop closes its backend and reports nothing)
     */
    protected NativeEngine(String backendName, Duration stopWait) {
        this.backendName = backendName;
        this.stopWait = stopWait;
    }

    /**
     * Starts the natives and returns a backend that passed {@link SelfTest} (and fell back to another device if
     * need be). Runs on the engine's start thread, once per activation; an exception or error means FAILED.
     */
    protected abstract B startEngine() throws Exception;

    /** The READY detail: by default the backend's {@link ComputeBackend#info() info}. */
    protected String readyDetail(B started) {
        return started.info().toString();
    }

    /** The backend name this engine provides. */
    public final String backendName() {
        return backendName;
    }

    /** The state of the current (or last) activation; null before the first {@link #start}. */
    public final EngineStatus status() {
        synchronized (lock) {
            return state;
        }
    }

    /** Registers the status and starts the engine on thread {@code raddiag-NAME-init}. */
    protected final void start(BundleContext context) {
        Thread t;
        synchronized (lock) {
            if (active) {
                throw new IllegalStateException(backendName + " engine is already started");
            }
            active = true;
            state = new EngineState(backendName);
            statusRegistration = context.registerService(EngineStatus.class, state,
                    properties(ServiceProperties.BACKEND, backendName));
            EngineState s = state;
            t = new Thread(() -> initialise(context, s), "raddiag-" + backendName + "-init");
            t.setDaemon(true);
            startThread = t;
        }
        t.start();
    }

    /** Unregisters the services and closes the backend; a start under way is waited for up to the stop wait. */
    protected final void stop() {
        Thread t;
        synchronized (lock) {
            active = false;
            t = startThread;
            startThread = null;
        }
        if (t != null && !stopWait.isZero() && t != Thread.currentThread()) {
            try {
                t.join(stopWait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            unregister(backendRegistration);
            backendRegistration = null;
            unregister(statusRegistration);
            statusRegistration = null;
            close(backend);
            backend = null;
        }
    }

    private void initialise(BundleContext context, EngineState s) {
        B started;
        try {
            started = startEngine();
        } catch (Throwable e) { // UnsatisfiedLinkError included: report, keep the platform running
            if (!isActive()) {
                // the bundle stopped while the natives were loading (a short one-shot command): nothing to report,
                // and not even logging is safe once the bundle's wiring is gone
                return;
            }
            log.error("{} engine failed to start; the platform runs without it", backendName, e);
            s.failed(e);
            return;
        }
        synchronized (lock) {
            if (!active) {
                close(started);
                return;
            }
            try {
                backendRegistration = context.registerService(ComputeBackend.class, started,
                        properties(ServiceProperties.KIND, ServiceProperties.KIND_BACKEND,
                                ServiceProperties.BACKEND, backendName));
                backend = started;
            } catch (IllegalStateException e) { // the bundle is stopping under us
                close(started);
                s.failed(e);
                return;
            }
            s.ready(readyDetail(started));
        }
        log.info("{} engine ready: {} in {} ms", backendName, started.info(), s.initMillis());
    }

    private boolean isActive() {
        synchronized (lock) {
            return active;
        }
    }

    private void close(B b) {
        if (b instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("{} engine: closing the backend failed: {}", backendName, e.toString());
            }
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
