package org.raddiag.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.raddiag.api.cli.Command;

/** Adapts one {@link Command} to Gogo: arguments as strings, output to the session console. */
final class CommandFunction implements Function {
    private final Command command;

    CommandFunction(Command command) {
        this.command = command;
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        List<String> args = new ArrayList<>();
        for (Object o : arguments) {
            args.add(String.valueOf(o));
        }
        PrintStream out = session.getConsole() != null ? session.getConsole() : System.out;
        int status = command.run(args, out, out);
        if (status != 0) {
            throw new IllegalStateException("raddiag:" + command.name() + " exited with status " + status);
        }
        return null;
    }
}
