package org.raddiag.core.command;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.raddiag.api.ServiceProperties;

/**
 * Plain-map views of bundles and RadDiag services, shared by the {@code status}/{@code plugins} commands and the
 * REST views, so both describe the runtime with the same field names and values.
 */
public final class RuntimeFacts {
    private RuntimeFacts() {
    }

    /**
     * {@code id}, {@code name}, {@code version} and {@code state} of a bundle, and {@code startRequested}: whether
     * the bundle is marked to start (false for one left stopped on purpose, such as the HTTP server or the Gogo
     * shell in a one-shot command).
     */
    public static Map<String, Object> bundle(Bundle b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.getBundleId());
        m.put("name", b.getSymbolicName());
        m.put("version", b.getVersion().toString());
        m.put("state", state(b.getState()));
        m.put("startRequested", startRequested(b));
        return m;
    }

    private static boolean startRequested(Bundle b) {
        if (b.getBundleId() == 0 || b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING) {
            return true;
        }
        try {
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            return level == null || level.isPersistentlyStarted();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return false; // uninstalled meanwhile (an uninstall through the admin API describes the bundle after it)
        }
    }

    /** The {@code raddiag.*} properties of a service other than its kind, arrays as lists. */
    public static Map<String, Object> raddiagProperties(ServiceReference<?> r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String key : r.getPropertyKeys()) {
            if (key.startsWith("raddiag.") && !key.equals(ServiceProperties.KIND)) {
                m.put(key, value(r.getProperty(key)));
            }
        }
        return m;
    }

    /** The service's {@code raddiag.kind}. */
    public static String kind(ServiceReference<?> r) {
        return String.valueOf(value(r.getProperty(ServiceProperties.KIND)));
    }

    /** All references of {@code clazz} (null: any) matching {@code filter} (null: all); never null. */
    public static ServiceReference<?>[] references(BundleContext ctx, String clazz, String filter) {
        try {
            ServiceReference<?>[] refs = ctx.getAllServiceReferences(clazz, filter);
            return refs == null ? new ServiceReference<?>[0] : refs;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A property value for JSON: arrays become lists. */
    public static Object value(Object v) {
        return v instanceof Object[] ? Arrays.asList((Object[]) v) : v;
    }

    /** The name of a bundle state. */
    public static String state(int s) {
        switch (s) {
            case Bundle.ACTIVE: return "ACTIVE";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            default: return Integer.toString(s);
        }
    }
}
