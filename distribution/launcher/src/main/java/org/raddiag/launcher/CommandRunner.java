package org.raddiag.launcher;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Finds the {@code org.raddiag.api.cli.Command} service named by the user and runs it. The launcher lives outside
 * OSGi and cannot see the API class, so it calls the service reflectively through its {@code java.*}-only
 * signature {@code int run(List, PrintStream, PrintStream)}.
 */
final class CommandRunner {
    static final String COMMAND = "org.raddiag.api.cli.Command";
    private static final long WAIT_MS = Long.getLong("raddiag.command.wait.ms", 30_000);

    private final BundleContext context;

    CommandRunner(BundleContext context) {
        this.context = context;
    }

    int run(String name, List<String> args) throws Exception {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            System.err.println("raddiag: invalid command name '" + name + "'");
            return 2;
        }
        ServiceReference<?> ref = await(name);
        if (ref == null) {
            if (name.equals("commands")) {
                return listCommands();
            }
            System.err.println("raddiag: unknown command '" + name + "'. Available commands:");
            listCommands(System.err);
            return 2;
        }
        Object command = context.getService(ref);
        try {
            Method run = command.getClass().getMethod("run", List.class, PrintStream.class, PrintStream.class);
            run.setAccessible(true);
            return (Integer) run.invoke(command, args, System.out, System.err);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            System.err.println("raddiag " + name + ": " + (cause.getMessage() != null ? cause.getMessage() : cause));
            if (Boolean.getBoolean("raddiag.debug")) {
                cause.printStackTrace();
            }
            return cause instanceof IllegalArgumentException ? 2 : 1;
        } finally {
            context.ungetService(ref);
        }
    }

    /** Waits for the command; once other commands are up, gives this one a short grace period only. */
    private ServiceReference<?> await(String name) throws InterruptedException, InvalidSyntaxException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        long othersSeenAt = -1;
        String filter = "(raddiag.command=" + name + ")";
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<?>[] refs = context.getServiceReferences(COMMAND, filter);
            if (refs != null && refs.length > 0) {
                // the platform's one rule (the framework's order): highest service.ranking, then lowest service.id
                return Collections.max(Arrays.asList(refs));
            }
            if (othersSeenAt < 0 && anyCommand()) {
                othersSeenAt = System.currentTimeMillis();
            }
            if (othersSeenAt >= 0 && System.currentTimeMillis() - othersSeenAt > 3_000) {
                return null;
            }
            Thread.sleep(50);
        }
        return null;
    }

    private boolean anyCommand() throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getServiceReferences(COMMAND, null);
        return refs != null && refs.length > 0;
    }

    private int listCommands() throws InvalidSyntaxException {
        listCommands(System.out);
        return 0;
    }

    private void listCommands(PrintStream out) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getServiceReferences(COMMAND, null);
        TreeMap<String, String> lines = new TreeMap<>();
        if (refs != null) {
            for (ServiceReference<?> r : refs) {
                Object c = context.getService(r);
                try {
                    Method summary = c.getClass().getMethod("summary");
                    summary.setAccessible(true);
                    lines.put(String.valueOf(r.getProperty("raddiag.command")), String.valueOf(summary.invoke(c)));
                } catch (ReflectiveOperationException e) {
                    lines.put(String.valueOf(r.getProperty("raddiag.command")), "");
                } finally {
                    context.ungetService(r);
                }
            }
        }
        lines.forEach((k, v) -> out.printf("  %-14s %s%n", k, v));
    }
}
