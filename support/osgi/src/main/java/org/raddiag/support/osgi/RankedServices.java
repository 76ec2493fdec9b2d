package org.raddiag.support.osgi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The services of one kind that are bound right now, in {@link ServiceRank} order (preferred first), for Declarative
 * Services components with a dynamic multiple reference: call {@link #add} from the bind method and {@link #remove}
 * from the unbind method. Reads are lock-free snapshots; binds and unbinds may run on any thread.
 *
 * @param <T> the service type
 */
public final class RankedServices<T> {
    private final Object lock = new Object();
    private final List<Ranked<T>> entries = new ArrayList<>();
    private long added;
    private volatile List<T> ordered = List.of();

    /** Adds a bound service with the properties DS passed to the bind method (null: ranked after all services). */
    public void add(T service, Map<String, ?> properties) {
        if (service == null) {
            throw new IllegalArgumentException("service is null");
        }
        synchronized (lock) {
            entries.add(new Ranked<>(service, ServiceRank.of(properties), added++));
            publish();
        }
    }

    /**
     * Removes the service bound with these properties (matched by {@code service.id}, else by identity).
     *
     * @return whether it was bound
     */
    public boolean remove(T service, Map<String, ?> properties) {
        ServiceRank rank = ServiceRank.of(properties);
        synchronized (lock) {
            boolean removed = rank.serviceId() != Long.MAX_VALUE
                    ? entries.removeIf(e -> e.service == service && e.rank.serviceId() == rank.serviceId())
                    : entries.removeIf(e -> e.service == service);
            publish();
            return removed;
        }
    }

    /** Removes every binding of this service object (for unbind methods that get no properties). */
    public boolean remove(T service) {
        return remove(service, null);
    }

    /** A snapshot, preferred service first. */
    public List<T> inOrder() {
        return ordered;
    }

    /** The preferred service, or null when none is bound. */
    public T best() {
        List<T> o = ordered;
        return o.isEmpty() ? null : o.get(0);
    }

    public boolean isEmpty() {
        return ordered.isEmpty();
    }

    private void publish() {
        List<Ranked<T>> sorted = new ArrayList<>(entries);
        sorted.sort(Ranked.ORDER);
        List<T> out = new ArrayList<>(sorted.size());
        sorted.forEach(e -> out.add(e.service));
        ordered = List.copyOf(out);
    }

    /** One binding; {@code sequence} orders objects added without a service id by the time they were added. */
    record Ranked<T>(T service, ServiceRank rank, long sequence) {
        static final Comparator<Ranked<?>> ORDER = Comparator.<Ranked<?>, ServiceRank>comparing(Ranked::rank)
                .thenComparingLong(Ranked::sequence);
    }
}
