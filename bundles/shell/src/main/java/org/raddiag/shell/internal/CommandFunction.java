package org.raddiag.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.raddiag.api.cli.Command;

/**
 * Adapts one {@link Command} service to Gogo: arguments as strings, output to the session console. The command is
 * got from the framework the first time it is typed, not when the shell starts: getting it activates its component
 * and everything that component uses.
 */
final class CommandFunction implements Function {
    private final BundleContext context;
    private final ServiceReference<Command> reference;
    private final String name;
    private Command command;

    CommandFunction(BundleContext context, ServiceReference<Command> reference, String name) {
        this.context = context;
        this.reference = reference;
        this.name = name;
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        List<String> args = new ArrayList<>();
        for (Object o : arguments) {
            args.add(String.valueOf(o));
        }
        PrintStream out = session.getConsole() != null ? session.getConsole() : System.out;
        int status = command().run(args, out, out);
        if (status != 0) {
            throw new IllegalStateException("raddiag:" + name + " exited with status " + status);
        }
        return null;
    }

    private synchronized Command command() {
        if (command == null) {
            command = context.getService(reference);
            if (command == null) {
                throw new IllegalStateException("raddiag:" + name + " is gone (its plugin was removed)");
            }
        }
        return command;
    }

    /** Gives the command back to the framework if it was got (when the service goes away or the shell stops). */
    synchronized void release() {
        if (command != null) {
            command = null;
            try {
                context.ungetService(reference);
            } catch (IllegalStateException e) {
                // this bundle is stopping: the framework releases it
            }
        }
    }
}
