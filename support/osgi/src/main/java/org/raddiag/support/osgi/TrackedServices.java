package org.raddiag.support.osgi;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Services of one type followed from a bundle's context into {@link NamedServices}, for a component that must
 * register before they exist (an engine that is still starting) and wait for one by name only when it needs it:
 * the {@code import}, {@code init-model} and {@code train-knowledge} commands and the workflows' trainers, dataset
 * layouts and model runners.
 * Open it on activation, {@link #close} it on deactivation (which also wakes any caller still waiting).
 *
 * @param <T> the service type
 */
public final class TrackedServices<T> implements AutoCloseable {
    private final NamedServices<T> named;
    private final ServiceTracker<T, Bound<T>> tracker;

    /**
     * Starts following the services of {@code type}.
     *
     * @param kind   what they are, for messages, e.g. {@code "compute backend"}
     * @param nameOf the name of a service from the service and its properties, e.g. its {@code raddiag.backend}
     */
    public TrackedServices(BundleContext context, Class<T> type, String kind,
            BiFunction<T, Map<String, Object>, String> nameOf) {
        this.named = new NamedServices<>(kind);
        this.tracker = track(context, type, named, nameOf);
    }

    /**
     * Follows the services of {@code type} into {@code into}, a registry that other services share (e.g. backbones,
     * fusions and heads as the model components of one registry); closing the result stops following them and
     * leaves {@code into} open.
     */
    public static <T> Feed feed(BundleContext context, Class<T> type, NamedServices<? super T> into,
            BiFunction<T, Map<String, Object>, String> nameOf) {
        return track(context, type, into, nameOf)::close;
    }

    /** Services being followed into a shared registry ({@link #feed}); {@link #close} stops following them. */
    @FunctionalInterface
    public interface Feed extends AutoCloseable {
        @Override
        void close();
    }

    private static <T> ServiceTracker<T, Bound<T>> track(BundleContext context, Class<T> type,
            NamedServices<? super T> into, BiFunction<T, Map<String, Object>, String> nameOf) {
        ServiceTracker<T, Bound<T>> tracker = new ServiceTracker<>(context, type, null) {
            @Override
            public Bound<T> addingService(ServiceReference<T> ref) {
                T service = context.getService(ref);
                if (service == null) {
                    return null;
                }
                Map<String, Object> props = properties(ref);
                Bound<T> b = new Bound<>(nameOf.apply(service, props), service, props);
                into.add(b.name, service, props);
                return b;
            }

            @Override
            public void removedService(ServiceReference<T> ref, Bound<T> b) {
                into.remove(b.name, b.service, b.properties);
                context.ungetService(ref);
            }
        };
        tracker.open();
        return tracker;
    }

    /** Names services by the String value of the service property {@code key}. */
    public static <T> TrackedServices<T> byProperty(BundleContext context, Class<T> type, String kind, String key) {
        return new TrackedServices<>(context, type, kind, (s, p) -> String.valueOf(p.get(key)));
    }

    /** The service in use under {@code name}, waiting ({@link NamedServices#require(String)}) while none is. */
    public T require(String name) throws IOException {
        return named.require(name);
    }

    /** The services followed, by name. */
    public NamedServices<T> services() {
        return named;
    }

    /** Stops following the services and wakes every waiting caller. */
    @Override
    public void close() {
        named.close();
        tracker.close();
    }

    private static Map<String, Object> properties(ServiceReference<?> ref) {
        Map<String, Object> p = new HashMap<>();
        for (String k : ref.getPropertyKeys()) {
            p.put(k, ref.getProperty(k));
        }
        return p;
    }

    private record Bound<T>(String name, T service, Map<String, Object> properties) {
    }
}
