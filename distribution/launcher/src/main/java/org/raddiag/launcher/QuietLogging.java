package org.raddiag.launcher;

import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Log levels by how the runtime is used. A one-shot command prints its result on stdout; INFO logs of the runtime
 * (engine start, batching settings...) stay out of the terminal unless {@code --verbose} or
 * {@code raddiag.oneshot.loglevel=info} in {@code conf/system.properties} asks for them. WARN and ERROR always go
 * to stderr. The shell and {@code serve} keep the levels of {@code conf/}. {@code --verbose} shows INFO of every
 * logger: slf4j-simple (RadDiag, DJL), java.util.logging and Felix. An explicit {@code -D} on the JVM command line
 * wins over all of this.
 */
final class QuietLogging {
    static final String ONESHOT_LEVEL = "raddiag.oneshot.loglevel";
    private static final String SLF4J = "org.slf4j.simpleLogger.";

    private QuietLogging() {
    }

    /**
     * Sets the slf4j-simple levels (read when slf4j-simple initialises, after this) and Felix's log level in
     * {@code frameworkConfig}. {@code explicit} are the system property names given on the JVM command line.
     */
    static void apply(boolean oneShot, boolean verbose, java.util.Set<String> explicit,
            Map<String, String> frameworkConfig) {
        if (verbose) {
            setUnlessExplicit(explicit, SLF4J + "defaultLogLevel", "info");
            setUnlessExplicit(explicit, SLF4J + "log.org.raddiag", "info");
            frameworkConfig.put("felix.log.level", "3");
            Logger root = Logger.getLogger("");
            root.setLevel(Level.INFO);
            for (Handler h : root.getHandlers()) {
                h.setLevel(Level.INFO);
            }
        } else if (oneShot) {
            String level = System.getProperty(ONESHOT_LEVEL, "warn");
            setUnlessExplicit(explicit, SLF4J + "log.org.raddiag", level);
        }
    }

    private static void setUnlessExplicit(java.util.Set<String> explicit, String key, String value) {
        if (!explicit.contains(key)) {
            System.setProperty(key, value);
        }
    }
}
