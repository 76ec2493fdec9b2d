package org.raddiag.support.cli;

/**
 * The command line is wrong (unknown option, missing value, bad number...): {@link CommandSyntax#run} prints the
 * message and the usage on stderr and exits {@link CommandSyntax#EXIT_USAGE}. A command may throw it for its own
 * argument checks (e.g. two options that exclude each other), so those errors look like every other usage error.
 */
public class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
