package org.raddiag.core.diagnosis.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Whether the engine bundle of a backend (manifest header {@code RadDiag-Engine: <backend>}) is installed and still
 * to be started by the runtime: not active, persistently marked for start, at a start level the framework has not
 * reached yet. Engines start last, so during start-up the bundles that diagnose are up before any engine status.
 */
public final class PendingEngines {
    private PendingEngines() {
    }

    public static boolean of(BundleContext context, String backend) {
        if (context == null) {
            return false;
        }
        try {
            int level = context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel();
            for (Bundle b : context.getBundles()) {
                if (backend.equals(b.getHeaders().get("RadDiag-Engine")) && b.getState() != Bundle.ACTIVE
                        && b.getState() != Bundle.UNINSTALLED) {
                    BundleStartLevel sl = b.adapt(BundleStartLevel.class);
                    if (sl != null && sl.isPersistentlyStarted() && sl.getStartLevel() > level) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IllegalStateException e) {
            return false; // this bundle is stopping
        }
    }
}
