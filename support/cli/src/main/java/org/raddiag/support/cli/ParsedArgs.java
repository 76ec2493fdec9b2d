package org.raddiag.support.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.model.ModelRef;
import org.raddiag.support.cli.internal.OptionDecl;

/**
 * A parsed command line. Getters take option names without {@code --}; asking for an option that was not declared
 * is a programming error ({@link IllegalStateException}). Typed getters throw {@link UsageException} naming the
 * option and the bad value.
 */
public final class ParsedArgs {
    private final Map<String, OptionDecl> declared = new LinkedHashMap<>();
    private final Map<String, List<String>> given;
    private final List<String> positionals;

    ParsedArgs(List<OptionDecl> options, Map<String, List<String>> given, List<String> positionals) {
        options.forEach(o -> declared.put(o.name(), o));
        this.given = Map.copyOf(given);
        this.positionals = List.copyOf(positionals);
    }

    /** Whether flag {@code --name} is set. */
    public boolean flag(String name) {
        OptionDecl o = decl(name);
        if (o.arity() != OptionDecl.Arity.FLAG) {
            throw new IllegalStateException("--" + name + " is not a flag");
        }
        List<String> v = given.get(name);
        return v != null && Boolean.parseBoolean(v.get(v.size() - 1));
    }

    /** Whether {@code --name} was given on the command line (its default does not count). */
    public boolean has(String name) {
        decl(name);
        return given.containsKey(name);
    }

    /** The value of {@code --name} (the last one if given twice), else its default, else null. */
    public String value(String name) {
        OptionDecl o = decl(name);
        if (o.arity() == OptionDecl.Arity.FLAG) {
            throw new IllegalStateException("--" + name + " is a flag");
        }
        List<String> v = given.get(name);
        return v != null ? v.get(v.size() - 1) : o.defaultValue();
    }

    /** The value of {@code --name} or its default; {@link UsageException} when there is neither. */
    public String required(String name) {
        String v = value(name);
        if (v == null) {
            throw new UsageException("--" + name + " is required");
        }
        return v;
    }

    /** Every value of a repeatable {@code --name}, in order; empty when not given. */
    public List<String> values(String name) {
        decl(name);
        return given.getOrDefault(name, List.of());
    }

    /**
     * The {@code KEY=VALUE} values of a repeatable {@code --name}, in order; a later key wins.
     * {@link UsageException} for a value without {@code =} or with an empty key.
     */
    public Map<String, String> settings(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : values(name)) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--" + name + " needs KEY=VALUE, not '" + kv + "'");
            }
            out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
    }

    /** {@code --name} as an int: the value given, else the default, else {@code fallback}. */
    public int intValue(String name, int fallback) {
        String v = value(name);
        return v == null ? fallback : parseInt(name, v);
    }

    /** {@code --name} as an int: the value given, else the default; {@link UsageException} when neither. */
    public int intValue(String name) {
        return parseInt(name, required(name));
    }

    /**
     * {@code --name} as a count (a whole number of at least 1: repeats, top K): the value given, else the default;
     * {@link UsageException} naming the option when it is missing, not a number or below 1.
     */
    public int count(String name) {
        int n = intValue(name);
        if (n < 1) {
            throw new UsageException("--" + name + " takes a count of at least 1, not " + n);
        }
        return n;
    }

    /**
     * {@code --name NAME[:VERSION]} as a model reference (a version-less one means the newest installed);
     * {@link UsageException} naming the option when it is missing or malformed.
     */
    public ModelRef modelRef(String name) {
        String v = required(name);
        try {
            return ModelRef.parse(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }

    /** {@link #modelRef(String)} with {@code defaultVersion} where none is given (a package being created). */
    public ModelRef modelRef(String name, String defaultVersion) {
        ModelRef r = modelRef(name);
        return r.version() != null ? r : new ModelRef(r.name(), defaultVersion);
    }

    /** {@code --name} as a long: the value given, else the default, else {@code fallback}. */
    public long longValue(String name, long fallback) {
        String v = value(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, not '" + v + "'");
        }
    }

    /** {@code --name} as a double: the value given, else the default, else {@code fallback}. */
    public double doubleValue(String name, double fallback) {
        String v = value(name);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a number, not '" + v + "'");
        }
    }

    /** {@code --name} as a path (given, else default), or null when absent. */
    public Path path(String name) {
        String v = value(name);
        return v == null ? null : toPath("--" + name, v);
    }

    /** {@code --name} as a path; {@link UsageException} when absent. */
    public Path requiredPath(String name) {
        return toPath("--" + name, required(name));
    }

    /** The positional arguments, in order. */
    public List<String> positionals() {
        return positionals;
    }

    /** Positional {@code index} or null when there are fewer. */
    public String positional(int index) {
        return index < positionals.size() ? positionals.get(index) : null;
    }

    /** Positional {@code index} as a path, or null when there are fewer; {@code label} names it in errors. */
    public Path positionalPath(int index, String label) {
        String v = positional(index);
        return v == null ? null : toPath(label, v);
    }

    private static int parseInt(String name, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, not '" + v + "'");
        }
    }

    private static Path toPath(String what, String v) {
        if (v.isEmpty()) {
            throw new UsageException(what + " takes a path, not an empty string");
        }
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new UsageException(what + ": '" + v + "' is not a valid path (" + e.getReason() + ")");
        }
    }

    private OptionDecl decl(String name) {
        OptionDecl o = declared.get(name);
        if (o == null) {
            throw new IllegalStateException("option --" + name + " is not declared");
        }
        return o;
    }
}
