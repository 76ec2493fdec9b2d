package org.raddiag.support.home;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.raddiag.support.files.DurableFiles;

/**
 * Where user data lives, outside the distribution, so that rebuilding or replacing the runtime ({@code mvn clean},
 * a new release) keeps every model, run and stored study. The home is, first match wins:
 * <ol>
 * <li>the system property {@code raddiag.home} (set by the launcher for the bundles, and by tests),</li>
 * <li>the environment variable {@code RADDIAG_HOME} (how users move it),</li>
 * <li>{@code $XDG_DATA_HOME/raddiag} when {@code XDG_DATA_HOME} is set (the user chose a data folder),</li>
 * <li>{@code ~/.raddiag}, where {@code ~} is {@code $HOME} as in the shell (Java's {@code user.home}, read from the
 * password database, only when {@code HOME} is unset).</li>
 * </ol>
 * The distribution folder ({@code conf/}, {@code bundle/}, {@code lib/}, {@code deploy/}, shipped {@code data/}) is
 * a separate thing, the system property {@code raddiag.dist}.
 */
public final class RaddiagHome {
    /** System property naming the home. */
    public static final String PROPERTY = "raddiag.home";
    /** Environment variable naming the home. */
    public static final String ENV = "RADDIAG_HOME";
    /** System property naming the distribution folder (set by the launcher). */
    public static final String DIST_PROPERTY = "raddiag.dist";

    private final Path root;

    /** A home at {@code root} (tests, tools). */
    public RaddiagHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The home of this process: system property, environment, XDG, {@code ~/.raddiag} (not created). */
    public static RaddiagHome current() {
        return new RaddiagHome(resolve(System::getProperty, System::getenv));
    }

    /** The resolution order above, over the given system properties and environment. */
    static Path resolve(UnaryOperator<String> properties, UnaryOperator<String> env) {
        String p = properties.apply(PROPERTY);
        if (p != null && !p.isBlank()) {
            return Paths.get(p.trim());
        }
        String e = env.apply(ENV);
        if (e != null && !e.isBlank()) {
            return Paths.get(e.trim());
        }
        String xdg = env.apply("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Paths.get(xdg.trim()).isAbsolute()) {
            return Paths.get(xdg.trim(), "raddiag");
        }
        String user = env.apply("HOME");
        if (user == null || user.isBlank() || !Paths.get(user.trim()).isAbsolute()) {
            user = properties.apply("user.home");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalStateException("no home for user data: set " + ENV + " (neither HOME nor user.home is set)");
        }
        return Paths.get(user.trim(), ".raddiag");
    }

    /** The distribution folder ({@code raddiag.dist}), if this process runs from one. */
    public static Optional<Path> distribution() {
        String d = System.getProperty(DIST_PROPERTY);
        return d == null || d.isBlank() ? Optional.empty() : Optional.of(Paths.get(d.trim()).toAbsolutePath().normalize());
    }

    /** The home folder (may not exist yet; {@link #create} makes it). */
    public Path root() {
        return root;
    }

    /** Creates the home and its standard sub-folders if missing (durably); returns this. */
    public RaddiagHome create() throws IOException {
        for (Path p : new Path[] {models(), work()}) {
            try {
                DurableFiles.createDirectories(p);
            } catch (IOException e) {
                throw new IOException("cannot create the RadDiag home " + root + " (set " + ENV + " to move it): " + e.getMessage(), e);
            }
        }
        return this;
    }

    /** Installed model packages ({@code models/<name>/<version>/}). */
    public Path models() {
        return root.resolve("models");
    }

    /** Runs, generated datasets and other work products ({@code work/}). */
    public Path work() {
        return root.resolve("work");
    }

    /** The demo's default run folder (dataset, checkpoints, report). */
    public Path demo() {
        return work().resolve("demo");
    }

    /** The default folder of the generated phantom dataset. */
    public Path phantom() {
        return work().resolve("phantom");
    }

    /** Default store of the DICOM C-STORE ingest (received instances and study states). */
    public Path dicomStore() {
        return work().resolve("dicom-ingest");
    }

    /** For log files (the runtime logs to stderr; {@code -Dorg.slf4j.simpleLogger.logFile=...} writes a file). */
    public Path logs() {
        return root.resolve("logs");
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
