package org.raddiag.core.diagnosis.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.raddiag.api.compute.EngineStatus;

/**
 * Whether the engine of a backend (bundle header {@code RadDiag-Engine: <backend>}) is still to come up: its bundle is
 * marked for start at a start level the framework has not reached yet (or is reaching: not all bundles of the level
 * are started yet), or it is active but has not registered its
 * engine status yet (Declarative Services activates it just after the bundle starts). Engines start last, so during
 * start-up the bundles that diagnose are up before any engine status.
 */
public final class PendingEngines {
    private PendingEngines() {
    }

    private static boolean registersEngineStatus(Bundle b) {
        ServiceReference<?>[] refs = b.getRegisteredServices();
        if (refs != null) {
            for (ServiceReference<?> r : refs) {
                if (r.getProperty(Constants.OBJECTCLASS) instanceof String[] classes
                        && java.util.Arrays.asList(classes).contains(EngineStatus.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean of(BundleContext context, String backend) {
        if (context == null) {
            return false;
        }
        try {
            int level = context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel();
            for (Bundle b : context.getBundles()) {
                if (!backend.equals(b.getHeaders().get("RadDiag-Engine"))) {
                    continue;
                }
                if (b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING) {
                    if (!registersEngineStatus(b)) {
                        return true;
                    }
                } else if (b.getState() != Bundle.UNINSTALLED) {
                    BundleStartLevel sl = b.adapt(BundleStartLevel.class);
                    // >=: while the framework moves to the engines' level it reports that level before it has
                    // started every bundle of it (an engine started after a slow one is then still RESOLVED)
                    if (sl != null && sl.isPersistentlyStarted() && sl.getStartLevel() >= level) {
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
