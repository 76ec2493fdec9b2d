package org.raddiag.itests;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The module rules the build enforces, on the shipped bundles and on the sources: plugins export no packages; no
 * bundle under {@code bundles/} imports a plugin's package; no test imports another module's {@code internal}
 * package. A broken rule fails the build with the bundle (or test file) and the package named.
 */
public class ModuleRulesTest {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(org\\.raddiag\\.[\\w.]*?\\.internal(?:\\.[a-z]\\w*)*)\\.[A-Z]",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern ARTIFACT = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");

    /** Known violations being moved (listed, so that no new one can slip in); this list must only shrink. */
    private static final Set<String> PENDING = Set.of();

    private static Path root() {
        return RuntimeOptions.distribution().resolve("../../../..").normalize();
    }

    @Test
    public void pluginsExportNothing() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String plugin : artifacts("plugins")) {
            String exports = manifest(plugin).getMainAttributes().getValue("Export-Package");
            if (exports != null && !exports.isBlank()) {
                broken.add(plugin + " exports " + packageNames(exports));
            }
        }
        assertTrue("plugins must export nothing (a plugin is hot-swapped; whatever imports it is rewired):\n"
                + String.join("\n", broken), broken.isEmpty());
    }

    @Test
    public void bundlesImportNoPluginPackage() throws IOException {
        Map<String, String> pluginPackages = new HashMap<>();
        for (String plugin : artifacts("plugins")) {
            for (String p : jarPackages(plugin)) {
                pluginPackages.put(p, plugin);
            }
        }
        List<String> broken = new ArrayList<>();
        for (String bundle : artifacts("bundles")) {
            String imports = manifest(bundle).getMainAttributes().getValue("Import-Package");
            for (String p : imports == null ? Set.<String>of() : packageNames(imports)) {
                if (pluginPackages.containsKey(p)) {
                    broken.add(bundle + " imports " + p + " of plugin " + pluginPackages.get(p));
                }
            }
        }
        assertTrue("bundles must not import a plugin's package (use its service):\n" + String.join("\n", broken),
                broken.isEmpty());
    }

    @Test
    public void testsImportNoOtherModulesInternalPackage() throws IOException {
        List<Path> modules = new ArrayList<>();
        for (String group : List.of("api", "support", "bundles", "plugins", "itests", "distribution")) {
            try (Stream<Path> s = Files.walk(root().resolve(group), 3)) {
                s.filter(d -> Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("src")))
                        .forEach(modules::add);
            }
        }
        Set<String> broken = new TreeSet<>();
        for (Path m : modules) {
            Set<String> own = new HashSet<>();
            Map<Path, String> tests = new HashMap<>();
            for (Path f : javaFiles(m.resolve("src"))) {
                String text = Files.readString(f);
                Matcher p = PACKAGE.matcher(text);
                if (p.find()) {
                    own.add(p.group(1));
                }
                if (f.toString().contains("/src/test/")) {
                    tests.put(f, text);
                }
            }
            for (Map.Entry<Path, String> t : tests.entrySet()) {
                Matcher i = IMPORT.matcher(t.getValue());
                while (i.find()) {
                    if (!own.contains(i.group(1)) && !PENDING.contains(root().relativize(t.getKey()).toString())) {
                        broken.add(root().relativize(t.getKey()) + " imports " + i.group(1));
                    }
                }
            }
        }
        assertTrue("tests must not import another module's internal package:\n" + String.join("\n", broken),
                broken.isEmpty());
    }

    /** Artifact ids of the modules under {@code group/} (one level), as shipped in the distribution. */
    private static List<String> artifacts(String group) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> s = Files.list(root().resolve(group))) {
            for (Path pom : (Iterable<Path>) s.map(d -> d.resolve("pom.xml")).filter(Files::isRegularFile)::iterator) {
                Matcher m = ARTIFACT.matcher(Files.readString(pom));
                if (m.find() && Files.isRegularFile(jar(m.group(1)))) {
                    ids.add(m.group(1));
                }
            }
        }
        assertTrue("no shipped modules found under " + group, !ids.isEmpty());
        return ids;
    }

    private static Path jar(String artifact) {
        return RuntimeOptions.distribution().resolve("bundle").resolve(artifact + ".jar");
    }

    private static Manifest manifest(String artifact) throws IOException {
        try (JarFile j = new JarFile(jar(artifact).toFile())) {
            return j.getManifest();
        }
    }

    /** Packages holding classes in the bundle's own content (embedded jars under lib/ are not its packages). */
    private static Set<String> jarPackages(String artifact) throws IOException {
        Set<String> packages = new TreeSet<>();
        try (JarFile j = new JarFile(jar(artifact).toFile())) {
            for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements();) {
                String n = e.nextElement().getName();
                if (n.endsWith(".class") && n.contains("/") && !n.startsWith("META-INF/")) {
                    packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.'));
                }
            }
        }
        return packages;
    }

    /** Package names of an OSGi package header (clauses split at commas outside quotes). */
    static Set<String> packageNames(String header) {
        Set<String> names = new TreeSet<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String name = clause.toString().split(";")[0].trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}
