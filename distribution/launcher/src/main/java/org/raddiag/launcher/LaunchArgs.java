package org.raddiag.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's own reading of {@code bin/raddiag [--verbose] [COMMAND [ARGS...]]}: the global {@code --verbose}
 * flag (before the command or among its options, i.e. before a {@code --}), the command and its arguments, and
 * what the launcher must know before the framework starts ({@code --help}, {@code serve --port N}). Everything
 * else is parsed by the command itself (support/cli), so it is not repeated here.
 */
record LaunchArgs(boolean verbose, String command, List<String> args) {
    static final String VERBOSE = "--verbose";

    static LaunchArgs parse(String[] argv) {
        boolean verbose = false;
        String command = null;
        List<String> rest = new ArrayList<>();
        boolean options = true;
        for (String a : argv) {
            if (options && a.equals(VERBOSE)) {
                verbose = true;
            } else if (command == null) {
                command = a;
            } else {
                if (a.equals("--")) {
                    options = false;
                }
                rest.add(a);
            }
        }
        return new LaunchArgs(verbose, command, List.copyOf(rest));
    }

    /** No command, or {@code shell}: the interactive Gogo shell. */
    boolean interactive() {
        return command == null || command.equals("shell");
    }

    /** {@code --help} or {@code -h} before any {@code --}: the rule of {@code CommandSyntax.helpRequested}. */
    boolean helpRequested() {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value of {@code --port N} / {@code --port=N} of {@code serve} when it is a port number (0 = any free
     * port), else null: {@code serve} itself refuses a bad value with its usage.
     */
    String servePort() {
        if (!"serve".equals(command)) {
            return null;
        }
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--port") && i + 1 < args.size()) {
                value = args.get(i + 1);
            } else if (a.startsWith("--port=")) {
                value = a.substring("--port=".length());
            }
        }
        if (value == null || !value.matches("\\d{1,5}") || Integer.parseInt(value) > 65535) {
            return null;
        }
        return Integer.toString(Integer.parseInt(value));
    }
}
