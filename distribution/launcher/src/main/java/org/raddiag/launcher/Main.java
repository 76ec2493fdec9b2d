package org.raddiag.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.raddiag.support.home.RaddiagHome;

/**
 * {@code bin/raddiag [COMMAND [ARGS...]]}: starts the Felix runtime of the distribution folder {@code raddiag.dist}
 * ({@code conf/}, {@code bundle/}, {@code lib/}, {@code deploy/}, {@code cache/}) on the user data home
 * ({@link RaddiagHome}: models, runs, demo data, DICOM store; created on first use and passed to the bundles as
 * {@code raddiag.home}), so rebuilding or replacing the distribution never touches user data. Without a command,
 * or with {@code shell}, it opens the interactive Gogo shell ({@code raddiag:*} commands); with a command it runs
 * that one command inside the runtime, prints its output and exits with its status. Bundles start in three levels:
 * libraries (1), plugins and commands (2), native engines (3); a command that needs no engine ({@code --help},
 * {@code models}, {@code inspect}...) runs as soon as level 2 is reached, and the engines are not started at all.
 * The HTTP server and the Web Console ({@code raddiag.http.bundles}) start only where HTTP is served, in the shell
 * and in {@code serve}; the Gogo shell and its RadDiag commands ({@code raddiag.shell.bundles}) only in the shell.
 */
public final class Main {
    private static final java.util.Set<String> TRAINING_COMMANDS = java.util.Set.of("train", "demo", "evaluate");
    private static final String HTTP_ENABLE = "org.apache.felix.http.enable";
    private static final String GOSH_ARGS = "gosh.args";

    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        Path dist = Paths.get(System.getProperty(RaddiagHome.DIST_PROPERTY, ".")).toAbsolutePath().normalize();
        System.setProperty(RaddiagHome.DIST_PROPERTY, dist.toString());
        RaddiagHome data;
        try {
            data = RaddiagHome.current().create();
        } catch (IOException | IllegalStateException e) {
            System.err.println("raddiag: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.setProperty(RaddiagHome.PROPERTY, data.root().toString());
        LaunchArgs launch = LaunchArgs.parse(argv);
        String name = launch.command();
        if (name != null && (name.equals("--help") || name.equals("-h") || name.equals("help"))
                && launch.args().isEmpty()) {
            usage();
        }
        boolean interactive = launch.interactive();
        java.util.Set<String> explicit = new java.util.HashSet<>(System.getProperties().stringPropertyNames());
        // `serve --port N` is applied before the HTTP server starts (the config substitutes raddiag.http.port)
        String port = launch.servePort();
        if (port != null) {
            System.setProperty("raddiag.http.port", port);
        }
        LauncherConfig.load(dist.resolve("conf/system.properties")).forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, v);
            }
        });
        Map<String, String> config = LauncherConfig.load(dist.resolve("conf/config.properties"));
        QuietLogging.apply(!interactive && !"serve".equals(name), launch.verbose(), explicit, config);
        Path storage = FelixStorage.forThisProcess(dist.resolve("cache/felix"));
        config.putIfAbsent(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.putIfAbsent(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(GOSH_ARGS, interactive ? "" : "--nointeractive");
        if (!interactive) {
            // one-shot commands must never write to the deploy folder (FileInstall 3.7 reads its legacy
            // "disableConfigSave" key as "enable", so only the explicit key is safe)
            config.put("felix.fileinstall.enableConfigSave", "false");
        }
        // training and evaluation are one job using the whole machine: every core for PyTorch's intra-op threads,
        // even where deploy/ configures fewer for a server running requests side by side; an explicit -D wins
        if (!interactive && TRAINING_COMMANDS.contains(name)
                && System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads",
                    Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
        // the HTTP server (REST, web page, Web Console) listens only in the shell and in `serve`
        if (!interactive && !name.equals("serve")) {
            config.put(HTTP_ENABLE, "false");
        }
        int status;
        Startup startup = start(dist, config);
        Framework framework = startup.framework();
        try {
            if (interactive) {
                startup.awaitAll();
                FrameworkEvent e = framework.waitForStop(0);
                status = e.getType() == FrameworkEvent.ERROR ? 1 : 0;
            } else {
                status = new CommandRunner(framework.getBundleContext(), startup).run(name, launch.args(),
                        launch.helpRequested());
            }
        } finally {
            framework.stop();
            framework.waitForStop(60_000);
            FelixStorage.deleteQuietly(storage);
        }
        System.out.flush();
        System.exit(status);
    }

    private static void usage() {
        System.out.println("usage: raddiag [--verbose] [shell]              interactive Gogo shell (raddiag:* commands)");
        System.out.println("       raddiag [--verbose] COMMAND [ARGS]      run one command and exit; 'raddiag commands'"
                + " lists them");
        System.out.println("       raddiag COMMAND --help                  the command's options");
        System.out.println("--verbose (before the command or among its options) shows INFO logs on stderr.");
        System.out.println("Exit status: 0 success, 1 failure, 2 wrong command line.");
        System.exit(0);
    }

    static Startup start(Path dist, Map<String, String> config) throws IOException, BundleException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework framework = factory.newFramework(config);
        framework.init();
        BundleContext ctx = framework.getBundleContext();
        List<String> early = globs(config, "raddiag.startlevel.1");
        List<String> engines = globs(config, "raddiag.startlevel.engines");
        // bundles that serve only the HTTP server or only the interactive shell stay installed (their packages
        // resolve) but are not started where nothing in the process could reach them
        List<String> leftStopped = new ArrayList<>();
        if ("false".equals(config.get(HTTP_ENABLE))) {
            leftStopped.addAll(globs(config, "raddiag.http.bundles"));
        }
        if (!"".equals(config.get(GOSH_ARGS))) {
            leftStopped.addAll(globs(config, "raddiag.shell.bundles"));
        }
        List<Bundle> installed = new ArrayList<>();
        Path dir = dist.resolve("bundle");
        List<Path> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            String location = "reference:" + jar.toUri();
            Bundle existing = ctx.getBundle(location);
            Bundle b = existing != null ? existing : ctx.installBundle(location);
            int level = matchesAny(early, b) ? 1 : matchesAny(engines, b) ? Startup.ENGINES : Startup.PLUGINS;
            b.adapt(BundleStartLevel.class).setStartLevel(level);
            installed.add(b);
        }
        framework.start();
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && !matchesAny(leftStopped, b)) {
                b.start();
            }
        }
        int level = Integer.parseInt(config.getOrDefault("raddiag.startlevel", Integer.toString(Startup.ENGINES)));
        return Startup.begin(framework, level);
    }

    private static List<String> globs(Map<String, String> config, String key) {
        List<String> globs = new ArrayList<>(Arrays.asList(config.getOrDefault(key, "").split(",")));
        globs.removeIf(String::isBlank);
        return globs;
    }

    private static boolean matchesAny(List<String> globs, Bundle b) {
        return globs.stream().anyMatch(g -> LauncherConfig.matches(g, b.getSymbolicName()));
    }
}
