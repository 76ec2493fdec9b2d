package org.raddiag.support.osgi;

import java.util.Map;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Where a service stands among services of its kind: the order of {@link ServiceReference#compareTo}, which the
 * framework itself uses to pick a service. The highest {@code service.ranking} comes first (a ranking that is not an
 * {@link Integer} counts as 0, as in the framework); among equal rankings the lowest {@code service.id}, i.e. the one
 * registered first. {@link #compareTo} sorts the preferred service FIRST.
 *
 * @param ranking {@code service.ranking}
 * @param serviceId {@code service.id}; {@link Long#MAX_VALUE} when unknown (an object added without properties)
 */
public record ServiceRank(int ranking, long serviceId) implements Comparable<ServiceRank> {
    /** The rank of an object that is not a registered service (no properties): after every service. */
    public static final ServiceRank UNREGISTERED = new ServiceRank(0, Long.MAX_VALUE);

    /** The rank read from service properties as Declarative Services passes them to bind methods. */
    public static ServiceRank of(Map<String, ?> properties) {
        if (properties == null) {
            return UNREGISTERED;
        }
        Object r = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        return new ServiceRank(r instanceof Integer i ? i : 0, id instanceof Long l ? l : Long.MAX_VALUE);
    }

    /** The rank of a registered service. */
    public static ServiceRank of(ServiceReference<?> reference) {
        Object r = reference.getProperty(Constants.SERVICE_RANKING);
        Object id = reference.getProperty(Constants.SERVICE_ID);
        return new ServiceRank(r instanceof Integer i ? i : 0, id instanceof Long l ? l : Long.MAX_VALUE);
    }

    /** Negative when this service is preferred to {@code other}. */
    @Override
    public int compareTo(ServiceRank other) {
        int byRanking = Integer.compare(other.ranking, ranking);
        return byRanking != 0 ? byRanking : Long.compare(serviceId, other.serviceId);
    }
}
