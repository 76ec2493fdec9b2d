package org.raddiag.core.command;

import java.util.ArrayList;
import java.util.List;

/** Minimal parser for {@code --flag}, {@code --key value} and positional arguments of a command. */
final class CommandArgs {
    private final List<String> args;

    CommandArgs(List<String> args) {
        this.args = new ArrayList<>(args);
    }

    /** Removes {@code --name} and says whether it was present. */
    boolean flag(String name) {
        return args.remove("--" + name);
    }

    /** Removes {@code --name value} and returns the value, or {@code fallback}. */
    String option(String name, String fallback) {
        int i = args.indexOf("--" + name);
        if (i < 0) {
            return fallback;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException("--" + name + " needs a value");
        }
        String v = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return v;
    }

    /** The remaining arguments; fails on unknown options. */
    List<String> positional() {
        for (String a : args) {
            if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return List.copyOf(args);
    }
}
