package org.raddiag.support.cli;

/** What a command does once its arguments are parsed; returns the exit status (0 success, 1 failure). */
@FunctionalInterface
public interface CommandBody {
    int run(ParsedArgs args) throws Exception;
}
