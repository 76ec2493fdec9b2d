package org.raddiag.support.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/** Builds a picocli {@code CommandSpec} from a declaration: parses and renders the usage. */
public final class Picocli {
    private Picocli() {
    }

    /** What the command line held: option name (no dashes) to its values in order, and the positionals. */
    public record Parsed(Map<String, List<String>> options, List<String> positionals) {
    }

    /** Parses {@code args}; throws {@link IllegalArgumentException} with picocli's message on a usage error. */
    public static Parsed parse(String name, String description, List<OptionDecl> options,
            List<PositionalDecl> positionals, String footer, List<String> args) {
        CommandLine cl = commandLine(name, description, options, positionals, footer);
        ParseResult result;
        try {
            result = cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (OptionDecl o : options) {
            OptionSpec spec = cl.getCommandSpec().findOption(o.dashed());
            if (!result.hasMatchedOption(o.dashed())) {
                continue;
            }
            Object v = spec.getValue();
            List<String> values = new ArrayList<>();
            if (v instanceof List<?> list) {
                list.forEach(x -> values.add(String.valueOf(x)));
            } else {
                values.add(String.valueOf(v));
            }
            given.put(o.name(), values);
        }
        List<String> positional = new ArrayList<>();
        for (PositionalParamSpec p : cl.getCommandSpec().positionalParameters()) {
            Object v = p.getValue();
            if (v instanceof List<?> list) {
                list.forEach(x -> positional.add(String.valueOf(x)));
            } else if (v != null) {
                positional.add(String.valueOf(v));
            }
        }
        return new Parsed(given, positional);
    }

    /** The usage text generated from the declaration. */
    public static String usage(String name, String description, List<OptionDecl> options,
            List<PositionalDecl> positionals, String footer) {
        String usage = commandLine(name, description, options, positionals, footer)
                .getUsageMessage(CommandLine.Help.Ansi.OFF);
        return usage.endsWith("\n") ? usage : usage + System.lineSeparator();
    }

    /** The synopsis on one line, without the command name and {@code [-h]}. */
    public static String synopsis(String name, String description, List<OptionDecl> options,
            List<PositionalDecl> positionals) {
        String line = commandLine(name, description, options, positionals, null).getHelp().synopsis(0)
                .replaceAll("\\s+", " ").trim();
        String prefix = name + " [-h]";
        return line.startsWith(prefix) ? line.substring(prefix.length()).trim() : line;
    }

    private static CommandLine commandLine(String name, String description, List<OptionDecl> options,
            List<PositionalDecl> positionals, String footer) {
        CommandSpec spec = CommandSpec.create().name(name);
        spec.usageMessage().description(description).sortOptions(false).sortSynopsis(false).abbreviateSynopsis(false).width(100)
                .parameterListHeading("%nArguments:%n").optionListHeading("%nOptions:%n");
        if (footer != null) {
            spec.usageMessage().footer(footer);
        }
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).arity("0").type(boolean.class)
                .description("print this help and exit").build());
        for (OptionDecl o : options) {
            OptionSpec.Builder b = OptionSpec.builder(o.dashed()).required(o.required());
            String text = o.description() + (o.defaultValue() != null ? " (default: " + o.defaultValue() + ")" : "");
            b.description(text);
            switch (o.arity()) {
                case FLAG -> b.arity("0").type(boolean.class);
                case VALUE -> b.arity("1").type(String.class).paramLabel(o.valueName());
                case REPEATABLE -> b.arity("1").type(List.class).auxiliaryTypes(String.class)
                        .paramLabel(o.valueName());
                default -> throw new IllegalStateException(o.arity().toString());
            }
            spec.addOption(b.build());
        }
        int index = 0;
        for (PositionalDecl p : positionals) {
            PositionalParamSpec.Builder b = PositionalParamSpec.builder().paramLabel(p.label()).required(p.min() > 0)
                    .description(p.description());
            if (p.max() == 1) {
                b.index(Integer.toString(index)).arity(p.min() + "..1").type(String.class);
                index++;
            } else {
                b.index(index + "..*").arity(p.min() + ".." + (p.max() < 0 ? "*" : Integer.toString(p.max())))
                        .type(List.class).auxiliaryTypes(String.class);
            }
            spec.addPositional(b.build());
        }
        CommandLine cl = new CommandLine(spec);
        cl.setExpandAtFiles(false);
        cl.setOverwrittenOptionsAllowed(true);
        cl.setAbbreviatedOptionsAllowed(false);
        cl.setCaseInsensitiveEnumValuesAllowed(false);
        cl.setTrimQuotes(false);
        cl.setUnmatchedArgumentsAllowed(false);
        return cl;
    }
}
