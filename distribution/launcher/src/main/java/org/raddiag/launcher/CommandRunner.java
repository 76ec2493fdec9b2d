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
    private final Startup startup;

    CommandRunner(BundleContext context, Startup startup) {
        this.context = context;
        this.startup = startup;
    }

    /**
     * Runs command {@code name} once the plugins are started. When it is registered by then and asks for the usage
     * ({@code help}) or says it needs no engine for these arguments ({@code boolean needsEngines(List)} of the
     * {@code Command} SPI, false), it runs at once and the engines are never started; otherwise the engines are
     * started first (a command may also register only once an engine is ready).
     */
    int run(String name, List<String> args, boolean help) throws Exception {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            System.err.println("raddiag: invalid command name '" + name + "'");
            return 2;
        }
        startup.awaitPlugins();
        ServiceReference<?> early = find(name);
        if (early == null && name.equals("commands")) {
            return listCommands();
        }
        if (early != null) {
            Object command = context.getService(early);
            try {
                if (command != null && (help || !needsEngines(command, args))) {
                    return invoke(name, command, args);
                }
            } finally {
                context.ungetService(early);
            }
        }
        startup.awaitAll();
        ServiceReference<?> ref = await(name);
        if (ref == null) {
            System.err.println("raddiag: unknown command '" + name + "'. Available commands:");
            listCommands(System.err);
            return 2;
        }
        Object command = context.getService(ref);
        try {
            return invoke(name, command, args);
        } finally {
            context.ungetService(ref);
        }
    }

    private static int invoke(String name, Object command, List<String> args) throws Exception {
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
        }
    }

    private static boolean needsEngines(Object command, List<String> args) {
        try {
            Method m = command.getClass().getMethod("needsEngines", List.class);
            m.setAccessible(true);
            return !Boolean.FALSE.equals(m.invoke(command, args));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Waits for the command once every bundle is started. A command whose services are not there yet (e.g. one
     * that needs an engine's backend) registers later; it gets a short grace period only.
     */
    private ServiceReference<?> await(String name) throws InterruptedException, InvalidSyntaxException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        long allSeenAt = -1;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<?> ref = find(name);
            if (ref != null) {
                return ref;
            }
            if (allSeenAt < 0 && startup.allStarted() && anyCommand()) {
                allSeenAt = System.currentTimeMillis();
            }
            if (allSeenAt >= 0 && System.currentTimeMillis() - allSeenAt > 3_000) {
                return null;
            }
            Thread.sleep(20);
        }
        return null;
    }

    private ServiceReference<?> find(String name) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getServiceReferences(COMMAND, "(raddiag.command=" + name + ")");
        // the platform's one rule (the framework's order): highest service.ranking, then lowest service.id
        return refs != null && refs.length > 0 ? Collections.max(Arrays.asList(refs)) : null;
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
        for (String declared : declaredCommands()) {
            lines.putIfAbsent(declared, "(needs an engine: registered once the engines are started)");
        }
        lines.forEach((k, v) -> out.printf("  %-14s %s%n", k, v));
    }

    /** Command names of every Declarative Services component, registered or not (SCR's descriptions). */
    private java.util.Set<String> declaredCommands() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        ServiceReference<?> scr = context.getServiceReference("org.osgi.service.component.runtime.ServiceComponentRuntime");
        if (scr == null) {
            return names;
        }
        Object runtime = context.getService(scr);
        try {
            Method m = runtime.getClass().getMethod("getComponentDescriptionDTOs", org.osgi.framework.Bundle[].class);
            m.setAccessible(true);
            for (Object dto : (java.util.Collection<?>) m.invoke(runtime, (Object) new org.osgi.framework.Bundle[0])) {
                Object props = dto.getClass().getField("properties").get(dto);
                if (props instanceof java.util.Map<?, ?> p && "command".equals(p.get("raddiag.kind"))
                        && p.get("raddiag.command") != null) {
                    names.add(String.valueOf(p.get("raddiag.command")));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no descriptions: the registered commands are listed
        } finally {
            context.ungetService(scr);
        }
        return names;
    }
}
