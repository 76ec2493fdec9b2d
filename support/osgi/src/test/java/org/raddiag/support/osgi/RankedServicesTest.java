package org.raddiag.support.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.raddiag.support.osgi.RealFramework.dict;
import static org.raddiag.support.osgi.RealFramework.properties;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/** Fed by a real framework's service events, as DS feeds bind and unbind methods. */
@ExtendWith(RealFramework.class)
class RankedServicesTest {
    @Test
    void followsRegistrationsInTheFrameworksOrder(BundleContext ctx) throws Exception {
        RankedServices<Object> ranked = new RankedServices<>();
        ctx.addServiceListener(e -> {
            ServiceReference<?> r = e.getServiceReference();
            Object s = ctx.getService(r);
            if (e.getType() == ServiceEvent.REGISTERED) {
                ranked.add(s, properties(r));
            } else if (e.getType() == ServiceEvent.UNREGISTERING) {
                ranked.remove(s, properties(r));
            }
            ctx.ungetService(r);
        }, "(objectClass=" + Supplier.class.getName() + ")");
        assertNull(ranked.best());
        Supplier<String> a = () -> "a";
        Supplier<String> b = () -> "b";
        Supplier<String> c = () -> "c";
        ServiceRegistration<?> ra = ctx.registerService(Supplier.class, a, dict());
        ctx.registerService(Supplier.class, b, dict(Constants.SERVICE_RANKING, 10));
        ServiceRegistration<?> rc = ctx.registerService(Supplier.class, c, dict());
        assertEquals(List.of(b, a, c), ranked.inOrder());
        assertEquals(ctx.getService(ctx.getServiceReference(Supplier.class)), ranked.best());

        ra.unregister();
        assertEquals(List.of(b, c), ranked.inOrder());
        rc.unregister();
        assertEquals(List.of(b), ranked.inOrder());
    }

    @Test
    void removesOnlyTheBindingThatWent() {
        RankedServices<String> ranked = new RankedServices<>();
        String same = "reader";
        ranked.add(same, java.util.Map.of(Constants.SERVICE_ID, 4L));
        ranked.add(same, java.util.Map.of(Constants.SERVICE_ID, 9L, Constants.SERVICE_RANKING, 1));
        assertTrue(ranked.remove(same, java.util.Map.of(Constants.SERVICE_ID, 9L)));
        assertEquals(List.of(same), ranked.inOrder());
        assertFalse(ranked.remove("other"));
        assertTrue(ranked.remove(same));
        assertTrue(ranked.isEmpty());
    }

    @Test
    void objectsWithoutPropertiesKeepTheOrderTheyCameIn() {
        RankedServices<String> ranked = new RankedServices<>();
        ranked.add("first", null);
        ranked.add("second", null);
        ranked.add("service", java.util.Map.of(Constants.SERVICE_ID, 100L));
        assertEquals(List.of("service", "first", "second"), ranked.inOrder());
    }
}
