package org.raddiag.support.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.raddiag.support.osgi.RealFramework.dict;

import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/** Services of two types followed by {@link TrackedServices#feed} into one registry, in a real framework. */
@ExtendWith(RealFramework.class)
class TrackedServicesTest {
    @Test
    void twoFeedsShareOneRegistryAndClosingOneTakesOnlyItsServicesAway(BundleContext ctx) throws Exception {
        Supplier<String> low = () -> "low";
        Supplier<String> high = () -> "high";
        IntSupplier other = () -> 1;
        ctx.registerService(Supplier.class, low, dict("name", "a"));
        NamedServices<Object> registry = new NamedServices<>("thing");
        TrackedServices.Feed suppliers = TrackedServices.feed(ctx, Supplier.class, registry,
                (s, p) -> (String) p.get("name"));
        TrackedServices.Feed ints = TrackedServices.feed(ctx, IntSupplier.class, registry,
                (s, p) -> (String) p.get("name"));
        ServiceRegistration<?> h = ctx.registerService(Supplier.class, high, dict("name", "a",
                Constants.SERVICE_RANKING, 5));
        ctx.registerService(IntSupplier.class, other, dict("name", "b"));
        assertEquals(Set.of("a", "b"), registry.names());
        assertEquals(high, registry.get("a"), "the higher ranking one of a name");
        h.unregister();
        assertEquals(low, registry.get("a"), "falls back when the chosen one goes");
        suppliers.close();
        assertNull(registry.get("a"));
        assertEquals(other, registry.get("b"));
        ints.close();
        assertEquals(Set.of(), registry.names());
    }
}
