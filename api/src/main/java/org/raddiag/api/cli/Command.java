package org.raddiag.api.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A one-shot command of the runtime ({@code bin/raddiag <name> ...}, and {@code raddiag:<name>} in the shell).
 * Registered with {@code raddiag.kind=command} and {@code raddiag.command=<name>}. Only {@code java.*} types appear
 * in the signature so the launcher, outside OSGi, can call it reflectively.
 */
public interface Command {
    /** Command name, e.g. {@code status}. */
    String name();

    /** One line of help. */
    String summary();

    /**
     * Runs the command. Returns the exit status: 0 on success; on failure a clear message is written to
     * {@code err} and a non-zero status returned.
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;

    /**
     * Whether running with {@code args} needs a native engine (PyTorch, ONNX Runtime). {@code bin/raddiag} runs a
     * command that does not (e.g. {@code models}, {@code inspect}) as soon as the plugins are started, without
     * waiting for the engines to load their natives; {@code --help} never waits. Default: true.
     */
    default boolean needsEngines(List<String> args) {
        return true;
    }
}
