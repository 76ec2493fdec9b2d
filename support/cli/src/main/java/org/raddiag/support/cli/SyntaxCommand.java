package org.raddiag.support.cli;

import java.io.PrintStream;
import java.util.List;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.cli.Command;

/**
 * A {@link Command} whose name, {@code --help} and usage errors come from its {@link CommandSyntax}, so that each
 * command writes only what it does and its one line of help, and every command answers its arguments the same way.
 * A DS component extending it names its service and its two properties with {@link #COMMAND_KIND} and
 * {@link #COMMAND_NAME}, e.g. for {@code status}:
 * {@code @Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME +
 * "status"})}.
 */
public abstract class SyntaxCommand implements Command {
    /** The component property that makes a service a command: {@code raddiag.kind=command}. */
    public static final String COMMAND_KIND = ServiceProperties.KIND + "=" + ServiceProperties.KIND_COMMAND;
    /** The start of the component property naming the command: {@code raddiag.command=}, followed by the name. */
    public static final String COMMAND_NAME = ServiceProperties.COMMAND + "=";

    private final CommandSyntax syntax;
    private final String summary;
    private final boolean needsEngines;

    /** {@code summary}: the short description that {@link #summary()} puts before the synopsis. */
    protected SyntaxCommand(CommandSyntax syntax, String summary) {
        this(syntax, summary, true);
    }

    /**
     * {@code needsEngines} false for a command that never needs a native engine (it reads files or lists services),
     * so that {@code bin/raddiag} runs it without waiting for the engines ({@link Command#needsEngines}).
     */
    protected SyntaxCommand(CommandSyntax syntax, String summary, boolean needsEngines) {
        this.syntax = syntax;
        this.summary = summary;
        this.needsEngines = needsEngines;
    }

    @Override
    public final String name() {
        return syntax.name();
    }

    @Override
    public boolean needsEngines(List<String> args) {
        return needsEngines;
    }

    /** The short description and the synopsis generated from the syntax (so the option list cannot drift). */
    @Override
    public String summary() {
        return summary + "  " + syntax.synopsis();
    }

    /** Parses {@code args} under the common rules ({@link CommandSyntax#run}) and runs the command. */
    @Override
    public final int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        return syntax.run(args, out, err, a -> run(a, out, err));
    }

    /** What the command does with its parsed arguments; returns the exit status. */
    protected abstract int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception;
}
