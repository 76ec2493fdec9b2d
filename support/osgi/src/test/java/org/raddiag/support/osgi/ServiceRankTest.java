package org.raddiag.support.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.raddiag.support.osgi.RealFramework.dict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** {@link ServiceRank} orders real service references exactly as the framework does. */
@ExtendWith(RealFramework.class)
class ServiceRankTest {
    @Test
    void sortsLikeTheFrameworkPreferredFirst(BundleContext ctx) throws Exception {
        Object[] rankings = {null, 5, -1, 5, "7", 0, Integer.MAX_VALUE, Integer.MIN_VALUE, 5L};
        for (int i = 0; i < rankings.length; i++) {
            String label = "s" + i;
            Supplier<String> s = () -> label;
            ctx.registerService(Supplier.class, s, rankings[i] == null ? dict()
                    : dict(Constants.SERVICE_RANKING, rankings[i]));
        }
        List<ServiceReference<?>> refs = new ArrayList<>(Arrays.asList(ctx.getServiceReferences(
                Supplier.class.getName(), null)));
        Collections.shuffle(refs, new java.util.Random(3));

        List<ServiceReference<?>> framework = new ArrayList<>(refs);
        framework.sort(Collections.reverseOrder()); // ServiceReference: the preferred one is the greatest
        List<ServiceReference<?>> ours = new ArrayList<>(refs);
        ours.sort(Comparator.comparing(ServiceRank::of));
        assertEquals(framework, ours);
        assertEquals(ctx.getServiceReference(Supplier.class.getName()), ours.get(0));
        // a string or long ranking counts as 0, as in the framework: s0, s4, s5 and s8 tie and keep id order
        assertEquals(List.of("s6", "s1", "s3", "s0", "s4", "s5", "s8", "s2", "s7"), labels(ctx, ours));
        for (ServiceReference<?> r : refs) {
            assertEquals(ServiceRank.of(r), ServiceRank.of(RealFramework.properties(r)));
        }
    }

    @Test
    void anObjectWithoutPropertiesComesAfterEveryService() {
        assertEquals(ServiceRank.UNREGISTERED, ServiceRank.of((java.util.Map<String, ?>) null));
        assertTrue(new ServiceRank(0, 1_000_000).compareTo(ServiceRank.UNREGISTERED) < 0);
        assertTrue(new ServiceRank(-1, 1).compareTo(new ServiceRank(0, 2)) > 0);
    }

    private static List<String> labels(BundleContext ctx, List<ServiceReference<?>> refs) {
        List<String> out = new ArrayList<>();
        for (ServiceReference<?> r : refs) {
            out.add(String.valueOf(((Supplier<?>) ctx.getService(r)).get()));
            ctx.ungetService(r);
        }
        return out;
    }
}
