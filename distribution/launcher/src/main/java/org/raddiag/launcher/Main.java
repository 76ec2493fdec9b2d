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
 * that one command inside the runtime, prints its output and exits with its status.
 */
public final class Main {
    private static final java.util.Set<String> TRAINING_COMMANDS = java.util.Set.of("train", "demo", "evaluate");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
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
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) && args.length == 1) {
            usage();
        }
        boolean interactive = args.length == 0 || args[0].equals("shell");
        LauncherConfig.load(dist.resolve("conf/system.properties")).forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, v);
            }
        });
        Map<String, String> config = LauncherConfig.load(dist.resolve("conf/config.properties"));
        Path storage = FelixStorage.forThisProcess(dist.resolve("cache/felix"));
        config.putIfAbsent(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.putIfAbsent(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("gosh.args", interactive ? "" : "--nointeractive");
        if (!interactive) {
            // one-shot commands must never write to the deploy folder (FileInstall 3.7 reads its legacy
            // "disableConfigSave" key as "enable", so only the explicit key is safe)
            config.put("felix.fileinstall.enableConfigSave", "false");
        }
        // training and evaluation are one job using the whole machine: every core for PyTorch's intra-op threads
        // (the engine's default of 1 thread suits a server running requests side by side); an explicit setting wins
        if (!interactive && TRAINING_COMMANDS.contains(args[0])
                && System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads",
                    Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
        // the HTTP server (REST, web page, Web Console) listens only in the shell and in `serve`
        if (!interactive && !args[0].equals("serve")) {
            config.put("org.apache.felix.http.enable", "false");
        }
        int status;
        Framework framework = start(dist, config);
        try {
            if (interactive) {
                FrameworkEvent e = framework.waitForStop(0);
                status = e.getType() == FrameworkEvent.ERROR ? 1 : 0;
            } else {
                status = new CommandRunner(framework.getBundleContext()).run(args[0],
                        Arrays.asList(args).subList(1, args.length));
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
        System.out.println("usage: raddiag [shell]            interactive Gogo shell (raddiag:* commands)");
        System.out.println("       raddiag COMMAND [ARGS]     run one command and exit; 'raddiag commands' lists them");
        System.exit(0);
    }

    static Framework start(Path dist, Map<String, String> config) throws IOException, BundleException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework framework = factory.newFramework(config);
        framework.init();
        BundleContext ctx = framework.getBundleContext();
        List<String> early = new ArrayList<>(Arrays.asList(config.getOrDefault("raddiag.startlevel.1", "").split(",")));
        early.removeIf(String::isBlank);
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
            boolean first = early.stream().anyMatch(g -> LauncherConfig.matches(g, b.getSymbolicName()));
            b.adapt(BundleStartLevel.class).setStartLevel(first ? 1 : 2);
            installed.add(b);
        }
        framework.start();
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
        int level = Integer.parseInt(config.getOrDefault("raddiag.startlevel", "3"));
        Object lock = new Object();
        boolean[] done = {false};
        framework.adapt(FrameworkStartLevel.class).setStartLevel(level, event -> {
            synchronized (lock) {
                done[0] = true;
                lock.notifyAll();
            }
        });
        synchronized (lock) {
            long deadline = System.currentTimeMillis() + 120_000;
            while (!done[0] && System.currentTimeMillis() < deadline) {
                try {
                    lock.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        // how long the JVM took to get every bundle started; `status` reports it
        System.setProperty("raddiag.startup.ms",
                Long.toString(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()));
        return framework;
    }
}
