package org.raddiag.support.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.raddiag.support.cli.internal.OptionDecl;
import org.raddiag.support.cli.internal.OptionDecl.Arity;
import org.raddiag.support.cli.internal.Picocli;
import org.raddiag.support.cli.internal.PositionalDecl;

/**
 * The declared syntax of one command: its options and positionals, from which the parser and the usage text are
 * both made, so the help can never drift from what is accepted. Build it once per command
 * ({@link #command(String, String)}), then call {@link #run} from {@code Command.run}. Option names are given
 * without the leading {@code --}. Immutable and thread-safe.
 */
public final class CommandSyntax {
    /** Exit status of success. */
    public static final int EXIT_OK = 0;
    /** Exit status of a command that ran and failed (its message is on stderr). */
    public static final int EXIT_FAILURE = 1;
    /** Exit status of a wrong command line (the reason and the usage are on stderr). */
    public static final int EXIT_USAGE = 2;

    private final String name;
    private final String description;
    private final List<OptionDecl> options;
    private final List<PositionalDecl> positionals;
    private final String footer;

    private CommandSyntax(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.options = List.copyOf(b.options);
        this.positionals = List.copyOf(b.positionals);
        this.footer = b.footer;
    }

    /** Starts the declaration of command {@code name}; {@code description} opens its usage. */
    public static Builder command(String name, String description) {
        return new Builder(name, description);
    }

    public String name() {
        return name;
    }

    /** The usage generated from the declaration (synopsis, description, one line per option and positional). */
    public String usage() {
        return Picocli.usage(name, description, options, positionals, footer);
    }

    /**
     * The options and positionals on one line (e.g. {@code --model=NAME [--json] CASE}), generated like the
     * usage: for {@code Command.summary()}, so the one-line help of {@code bin/raddiag commands} cannot drift.
     */
    public String synopsis() {
        return Picocli.synopsis(name, description, options, positionals);
    }

    /**
     * Whether {@code args} ask for the usage: {@code --help} or {@code -h} before any {@code --}. The launcher
     * applies the same rule to run such a command without waiting for the engines.
     */
    public static boolean helpRequested(List<String> args) {
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

    /** Parses {@code args} against the declaration; {@link UsageException} names the option and the reason. */
    public ParsedArgs parse(List<String> args) {
        try {
            Picocli.Parsed p = Picocli.parse(name, description, options, positionals, footer, args);
            return new ParsedArgs(options, p.options(), p.positionals());
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Runs a command under the common rules: {@code --help}/{@code -h} prints the usage on {@code out} and returns
     * {@link #EXIT_OK}; a usage error (while parsing, or a {@link UsageException} from {@code body}, e.g. from a
     * typed getter) prints {@code NAME: reason} and the usage on {@code err} and returns {@link #EXIT_USAGE};
     * otherwise returns what {@code body} returns.
     */
    public int run(List<String> args, PrintStream out, PrintStream err, CommandBody body) throws Exception {
        if (helpRequested(args)) {
            out.print(usage());
            out.flush();
            return EXIT_OK;
        }
        try {
            return body.run(parse(args));
        } catch (UsageException e) {
            err.println(name + ": " + e.getMessage());
            err.println();
            err.print(usage());
            err.flush();
            return EXIT_USAGE;
        }
    }

    /** Declares the options and positionals of a command, in the order they appear in the usage. */
    public static final class Builder {
        private final String name;
        private final String description;
        private final List<OptionDecl> options = new ArrayList<>();
        private final List<PositionalDecl> positionals = new ArrayList<>();
        private String footer;

        private Builder(String name, String description) {
            if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("command name '" + name + "' is not [A-Za-z0-9_-]+");
            }
            this.name = name;
            this.description = description;
        }

        /** A boolean flag {@code --name}: never takes a value ({@code --name=true} is refused). */
        public Builder flag(String name, String description) {
            return add(new OptionDecl(name, Arity.FLAG, null, description, null, false));
        }

        /** The {@code --json} flag, with one description for every command that offers machine-readable output. */
        public Builder jsonFlag() {
            return flag("json", "machine-readable output");
        }

        /** An optional {@code --name VALUE}; absent, {@link ParsedArgs#value} is null. */
        public Builder option(String name, String valueName, String description) {
            return add(new OptionDecl(name, Arity.VALUE, valueName, description, null, false));
        }

        /** An optional {@code --name VALUE} with a default (shown in the usage). */
        public Builder option(String name, String valueName, String description, String defaultValue) {
            return add(new OptionDecl(name, Arity.VALUE, valueName, description, defaultValue, false));
        }

        /** A {@code --name VALUE} that must be given. */
        public Builder required(String name, String valueName, String description) {
            return add(new OptionDecl(name, Arity.VALUE, valueName, description, null, true));
        }

        /** A {@code --name VALUE} that may be given several times ({@link ParsedArgs#values}). */
        public Builder repeatable(String name, String valueName, String description) {
            return add(new OptionDecl(name, Arity.REPEATABLE, valueName, description, null, false));
        }

        /** One positional argument that must be given. */
        public Builder positional(String label, String description) {
            return addPositional(new PositionalDecl(label, description, 1, 1));
        }

        /** One positional argument that may be left out. */
        public Builder optionalPositional(String label, String description) {
            return addPositional(new PositionalDecl(label, description, 0, 1));
        }

        /** The remaining positional arguments, at least {@code min} of them; must be declared last. */
        public Builder positionals(String label, String description, int min) {
            return addPositional(new PositionalDecl(label, description, min, -1));
        }

        /** Text printed after the options (examples, what the exit statuses mean for this command). */
        public Builder footer(String text) {
            this.footer = text;
            return this;
        }

        public CommandSyntax build() {
            return new CommandSyntax(this);
        }

        private Builder add(OptionDecl o) {
            if (!o.name().matches("[a-z0-9][a-z0-9-]*") || o.name().equals("help")) {
                throw new IllegalArgumentException("option name '" + o.name() + "' is reserved or not [a-z0-9-]+");
            }
            if (options.stream().anyMatch(x -> x.name().equals(o.name()))) {
                throw new IllegalArgumentException("option --" + o.name() + " declared twice");
            }
            options.add(o);
            return this;
        }

        private Builder addPositional(PositionalDecl p) {
            if (!positionals.isEmpty() && positionals.get(positionals.size() - 1).max() != 1) {
                throw new IllegalArgumentException("positional " + p.label() + " follows a variable-length one");
            }
            if (p.min() > 0 && positionals.stream().anyMatch(x -> x.min() == 0)) {
                throw new IllegalArgumentException("required positional " + p.label() + " follows an optional one");
            }
            positionals.add(p);
            return this;
        }
    }
}
