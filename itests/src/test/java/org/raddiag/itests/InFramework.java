package org.raddiag.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.raddiag.api.cli.Command;
import org.raddiag.api.diagnosis.DiagnosisService;

/** What the in-framework tests do to the running framework: find commands, services and bundles, refresh. */
final class InFramework {
    private InFramework() {
    }

    /** The {@code raddiag.command=name} command, or null while it is not registered. */
    static ServiceReference<Command> command(BundleContext context, String name) {
        try {
            return context.getServiceReferences(Command.class, "(raddiag.command=" + name + ")").stream().findFirst()
                    .orElse(null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A command's exit status and what it printed (stdout and stderr together). */
    record Outcome(int status, String output) {
    }

    /** Runs a command as the shell would, echoing its output; its exit status. */
    static int run(BundleContext context, String name, String... args) throws Exception {
        return call(context, name, args).status();
    }

    /** Runs a command as the shell would, echoing its output; its status and output. */
    static Outcome call(BundleContext context, String name, String... args) throws Exception {
        ServiceReference<Command> ref = command(context, name);
        if (ref == null) {
            throw new AssertionError("no command " + name);
        }
        Command c = context.getService(ref);
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8);
            int rc = c.run(List.of(args), p, p);
            String text = buf.toString(StandardCharsets.UTF_8);
            System.out.println(text);
            return new Outcome(rc, text);
        } finally {
            context.ungetService(ref);
        }
    }

    /**
     * Waits for {@code init-model} and the diagnosis service, then installs a {@code demo-small} model with seeded
     * random weights under a fresh name starting with {@code prefix}; that name.
     */
    static String initDemoModel(BundleContext context, String prefix, int seed) throws Exception {
        Await.until("init-model and diagnosis service", 120_000,
                () -> command(context, "init-model") != null && service(context, DiagnosisService.class) != null);
        String name = prefix + System.nanoTime();
        int rc = run(context, "init-model", "--arch", "demo-small", "--name", name, "--seed", Integer.toString(seed));
        if (rc != 0) {
            throw new AssertionError("init-model " + name + " exited with " + rc);
        }
        return name;
    }

    /** A service of {@code type}, or null while there is none. */
    static <T> T service(BundleContext context, Class<T> type) {
        ServiceReference<T> r = context.getServiceReference(type);
        return r == null ? null : context.getService(r);
    }

    static Bundle bundle(BundleContext context, String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + bsn);
    }

    /** Copies entry {@code entry} of bundle {@code b} (e.g. a model file a plugin ships) to {@code to}. */
    static void copyEntry(Bundle b, String entry, Path to) throws IOException {
        try (InputStream in = b.getEntry(entry).openStream()) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Refreshes the packages of {@code b} and waits for the framework to finish. */
    static void refresh(BundleContext context, Bundle b) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(b), e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("refresh of " + b + " did not finish in 30 s");
        }
    }
}
