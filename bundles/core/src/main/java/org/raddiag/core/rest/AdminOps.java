package org.raddiag.core.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Operations that change the running system (behind the admin token): the default backend (ConfigAdmin PID
 * {@code org.raddiag.diagnosis}), plugin bundles (install from a jar body, start, stop, uninstall) and a package
 * refresh.
 */
final class AdminOps {
    static final String DIAGNOSIS_PID = "org.raddiag.diagnosis";

    private AdminOps() {
    }

    static String defaultBackend(ConfigurationAdmin cm) {
        if (cm == null) {
            return "pytorch";
        }
        try {
            Configuration[] c = cm.listConfigurations("(service.pid=" + DIAGNOSIS_PID + ")");
            Object v = c == null || c.length == 0 || c[0].getProperties() == null ? null
                    : c[0].getProperties().get("defaultBackend");
            return v == null ? "pytorch" : v.toString();
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            return "pytorch";
        }
    }

    static void setDefaultBackend(ConfigurationAdmin cm, String backend) throws IOException, ApiError {
        if (cm == null) {
            throw new ApiError(503, "ConfigurationAdmin is not available");
        }
        if (backend == null || !backend.matches("[A-Za-z0-9._-]{1,64}")) {
            throw ApiError.badRequest("give {\"backend\": NAME}");
        }
        Configuration c = cm.getConfiguration(DIAGNOSIS_PID, null);
        Dictionary<String, Object> p = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        p.put("defaultBackend", backend);
        c.update(p);
    }

    static Map<String, Object> install(BundleContext ctx, String name, InputStream jar) throws ApiError {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}")) {
            throw ApiError.badRequest("give ?name=NAME (letters, digits, . _ -)");
        }
        try {
            Bundle b = ctx.installBundle("raddiag-rest:" + name, jar);
            if (b.getHeaders().get("Fragment-Host") == null) {
                b.start();
            }
            return describe(b);
        } catch (BundleException e) {
            throw ApiError.badRequest("cannot install " + name + ": " + e.getMessage());
        }
    }

    static Map<String, Object> bundleOp(BundleContext ctx, long id, String op) throws ApiError {
        Bundle b = ctx.getBundle(id);
        if (b == null) {
            throw new ApiError(404, "no bundle " + id);
        }
        if (id == 0 || b.equals(ctx.getBundle())) {
            throw new ApiError(409, "bundle " + id + " runs the framework or this API and cannot be changed here");
        }
        try {
            switch (op) {
                case "start": b.start(); break;
                case "stop": b.stop(); break;
                case "uninstall": b.uninstall(); break;
                default: throw new ApiError(404, "no operation " + op + " (start, stop, uninstall)");
            }
        } catch (BundleException | IllegalStateException e) {
            throw new ApiError(409, op + " of bundle " + id + " failed: " + e.getMessage());
        }
        return describe(b);
    }

    /** Refreshes the packages of removed and updated bundles. */
    static void reload(BundleContext ctx) {
        ctx.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null);
    }

    private static Map<String, Object> describe(Bundle b) {
        return org.raddiag.core.command.RuntimeFacts.bundle(b);
    }
}
