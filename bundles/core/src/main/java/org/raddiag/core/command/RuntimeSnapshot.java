package org.raddiag.core.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.compute.EngineStatus;

/** A point-in-time view of bundles, RadDiag services by kind, and engines, as plain maps ready for JSON. */
final class RuntimeSnapshot {
    final List<Map<String, Object>> bundles = new ArrayList<>();
    final Map<String, List<Map<String, Object>>> services = new TreeMap<>();
    final List<Map<String, Object>> engines = new ArrayList<>();

    static RuntimeSnapshot take(BundleContext ctx) {
        RuntimeSnapshot s = new RuntimeSnapshot();
        for (Bundle b : ctx.getBundles()) {
            Map<String, Object> m = RuntimeFacts.bundle(b);
            if (b.getHeaders().get("Fragment-Host") != null) {
                m.put("fragment", true);
            }
            s.bundles.add(m);
        }
        for (ServiceReference<?> r : RuntimeFacts.references(ctx, null, "(" + ServiceProperties.KIND + "=*)")) {
            Map<String, Object> m = RuntimeFacts.raddiagProperties(r);
            m.put("interfaces", RuntimeFacts.value(r.getProperty(Constants.OBJECTCLASS)));
            m.put("bundle", r.getBundle() == null ? "?" : r.getBundle().getSymbolicName());
            s.services.computeIfAbsent(RuntimeFacts.kind(r), k -> new ArrayList<>()).add(m);
        }
        for (ServiceReference<?> r : RuntimeFacts.references(ctx, EngineStatus.class.getName(), null)) {
            EngineStatus e = (EngineStatus) ctx.getService(r);
            if (e == null) {
                continue;
            }
            try {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("backend", e.backend());
                m.put("state", e.state().name());
                m.put("initMillis", e.initMillis());
                m.put("detail", e.detail());
                m.put("bundle", r.getBundle().getSymbolicName());
                s.engines.add(m);
            } finally {
                ctx.ungetService(r);
            }
        }
        return s;
    }

    /** Whether some engine is still initialising. */
    boolean enginesStarting() {
        return engines.stream().anyMatch(e -> EngineStatus.State.STARTING.name().equals(e.get("state")));
    }

    /** Bundles that are neither ACTIVE nor resolved fragments, other than those left stopped on purpose. */
    List<Map<String, Object>> inactiveBundles() {
        List<Map<String, Object>> bad = new ArrayList<>();
        for (Map<String, Object> b : bundles) {
            Object st = b.get("state");
            if (!("ACTIVE".equals(st) || isFragment(b) && "RESOLVED".equals(st) || isStoppedOnPurpose(b))) {
                bad.add(b);
            }
        }
        return bad;
    }

    /** Names of the bundles left stopped on purpose, e.g. the HTTP server in a one-shot command. */
    List<String> stoppedOnPurpose() {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> b : bundles) {
            if (isStoppedOnPurpose(b)) {
                names.add(String.valueOf(b.get("name")));
            }
        }
        return names;
    }

    /**
     * Not marked to start ({@code startRequested} false, which an active bundle never is); fragments, which never
     * start, are not stopped on purpose.
     */
    private static boolean isStoppedOnPurpose(Map<String, Object> b) {
        return !isFragment(b) && Boolean.FALSE.equals(b.get("startRequested"));
    }

    private static boolean isFragment(Map<String, Object> b) {
        return Boolean.TRUE.equals(b.get("fragment"));
    }
}
