package org.raddiag.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options that boot exactly the bundle set of the built distribution ({@code distribution/target/.../bundle}),
 * with the start levels its launcher would use (read from the distribution's own {@code conf/config.properties}), on
 * a fresh, empty RadDiag home under {@code target/itest-homes/} (never the user's {@code ~/.raddiag}).
 */
final class RuntimeOptions {
    private RuntimeOptions() {
    }

    static Path distribution() {
        Path d = Paths.get(System.getProperty("raddiag.dist", "../distribution/target/missing"));
        if (!Files.isDirectory(d.resolve("bundle"))) {
            throw new IllegalStateException("distribution not built: " + d + " (run mvn install from the top)");
        }
        return d;
    }

    /** The folder of the plugin jars the tests hot-deploy (probe fixtures and the examples/ templates). */
    static Path probePlugins() {
        return Paths.get(System.getProperty("raddiag.probe.plugins"));
    }

    static Path probePlugin(String variant) {
        return Paths.get(System.getProperty("raddiag.probe.plugins"), "raddiag-itest-probe-plugin-" + variant + ".jar");
    }

    /** {@link #runtime()} with the RadDiag home {@code home} (created), for tests that keep files between methods. */
    static Option[] runtime(Path home) throws IOException {
        Files.createDirectories(home);
        return new Option[] {org.ops4j.pax.exam.CoreOptions.composite(runtime()),
            systemProperty("raddiag.home").value(home.toString())};
    }

    /** A new empty RadDiag home (user data folder) under {@code target/itest-homes/}. */
    static Path freshHome() {
        try {
            Path root = Files.createDirectories(Paths.get("target", "itest-homes").toAbsolutePath());
            return Files.createTempDirectory(root, "home-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a test home under target/itest-homes", e);
        }
    }

    static Option[] runtime() {
        List<Option> options = new ArrayList<>();
        options.add(systemProperty("raddiag.home").value(freshHome().toString()));
        options.add(junitBundles());
        options.add(frameworkStartLevel(10));
        // the HTTP service of the distribution: loopback only and a free port, never a fixed one in tests
        options.add(systemProperty("org.osgi.service.http.port").value("0"));
        options.add(systemProperty("org.apache.felix.http.host").value("127.0.0.1"));
        for (String p : new String[] {"ai.djl.offline", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "raddiag.testdata",
                "raddiag.probe.plugins", "raddiag.dist", "gosh.args", "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils"}) {
            if (System.getProperty(p) != null) {
                options.add(systemProperty(p).value(System.getProperty(p)));
            }
        }
        try {
            List<String> early = earlyGlobs();
            List<Path> jars;
            try (Stream<Path> s = Files.list(distribution().resolve("bundle"))) {
                jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            }
            for (Path jar : jars) {
                String bsn = symbolicName(jar);
                boolean first = early.stream().anyMatch(g -> bsn.matches(("\\Q" + g + "\\E").replace("*", "\\E.*\\Q")));
                options.add(bundle(jar.toUri().toString()).startLevel(first ? 2 : 3).start());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return options.toArray(new Option[0]);
    }

    private static List<String> earlyGlobs() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(distribution().resolve("conf/config.properties"))) {
            p.load(r);
        }
        List<String> globs = new ArrayList<>();
        for (String g : Arrays.asList(p.getProperty("raddiag.startlevel.1", "").split(","))) {
            if (!g.isBlank()) {
                globs.add(g.trim());
            }
        }
        return globs;
    }

    private static String symbolicName(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            String n = j.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
            return n == null ? "" : n.split(";")[0].trim();
        }
    }
}
