package org.raddiag.core.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.compute.EngineStatus;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.core.command.RuntimeFacts;

/** JSON views of the running system for {@code /models}, {@code /plugins} and {@code /ready}. */
final class RuntimeView {
    private RuntimeView() {
    }

    static Map<String, Object> models(ModelRegistry registry, String defaultModel) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ModelRef r : registry.list()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("version", r.version());
            registry.find(r).ifPresent(p -> describe(p, m));
            list.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("defaultModel", defaultModel == null || defaultModel.isBlank() ? null : defaultModel);
        out.put("models", list);
        return out;
    }

    private static void describe(ModelPackage p, Map<String, Object> m) {
        m.put("classes", p.labels().size());
        m.put("labelSet", p.labels().name());
        m.put("architecture", p.architecture().toString());
    }

    /** RadDiag services by kind, RadDiag bundles, and engines. */
    static Map<String, Object> plugins(BundleContext ctx, String defaultBackend) {
        Map<String, List<Map<String, Object>>> services = new TreeMap<>();
        for (ServiceReference<?> r : RuntimeFacts.references(ctx, null, "(" + ServiceProperties.KIND + "=*)")) {
            Map<String, Object> m = RuntimeFacts.raddiagProperties(r);
            Bundle b = r.getBundle();
            m.put("bundle", b == null ? null : b.getSymbolicName());
            m.put("bundleId", b == null ? null : b.getBundleId());
            services.computeIfAbsent(RuntimeFacts.kind(r), k -> new ArrayList<>()).add(m);
        }
        List<Map<String, Object>> bundles = new ArrayList<>();
        for (Bundle b : ctx.getBundles()) {
            String bsn = b.getSymbolicName();
            if (bsn != null && bsn.startsWith("raddiag")) {
                bundles.add(RuntimeFacts.bundle(b));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("defaultBackend", defaultBackend);
        out.put("services", services);
        out.put("bundles", bundles);
        out.put("engines", engines(ctx));
        return out;
    }

    /** Why the server cannot diagnose yet ({@code reasons}; {@code ready} when none), with models and engines. */
    static Map<String, Object> readiness(BundleContext ctx, boolean diagnosisAvailable, ModelRegistry registry) {
        List<String> reasons = new ArrayList<>();
        List<Map<String, Object>> engines = engines(ctx);
        if (engines.isEmpty()) {
            reasons.add("no engine registered");
        }
        for (Map<String, Object> e : engines) {
            if (!EngineStatus.State.READY.name().equals(e.get("state"))) {
                reasons.add("engine " + e.get("backend") + " is " + e.get("state"));
            }
        }
        if (!diagnosisAvailable) {
            reasons.add("diagnosis service not available");
        }
        int models = registry == null ? 0 : registry.list().size();
        if (models == 0) {
            reasons.add("no model installed");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ready", reasons.isEmpty());
        m.put("reasons", reasons);
        m.put("models", models);
        m.put("engines", engines);
        return m;
    }

    static List<Map<String, Object>> engines(BundleContext ctx) {
        List<Map<String, Object>> engines = new ArrayList<>();
        for (ServiceReference<?> r : RuntimeFacts.references(ctx, EngineStatus.class.getName(), null)) {
            Object s = ctx.getService(r);
            if (!(s instanceof EngineStatus)) {
                continue;
            }
            try {
                EngineStatus e = (EngineStatus) s;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("backend", e.backend());
                m.put("state", e.state().name());
                m.put("detail", e.detail());
                engines.add(m);
            } finally {
                ctx.ungetService(r);
            }
        }
        return engines;
    }
}
