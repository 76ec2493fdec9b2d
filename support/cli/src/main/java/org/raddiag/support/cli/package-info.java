/**
 * The command-line parser every RadDiag command shares, so that all commands follow the same rules.
 *
 * <p>A command declares its options and positionals once ({@link CommandSyntax}); the usage text is generated from
 * that declaration and {@link CommandSyntax#run} applies the rules:
 * <ul>
 * <li>{@code --key value} and {@code --key=value}; a boolean flag such as {@code --json} never takes a value
 * (the next argument stays a positional; {@code --json=true} is refused); a repeatable option such as
 * {@code --set k=v} collects every occurrence; a non-repeatable option given twice keeps the last value;
 * {@code --} ends the options;</li>
 * <li>{@code --help}/{@code -h} anywhere before {@code --} prints the usage on stdout and exits
 * {@link CommandSyntax#EXIT_OK 0}, whatever else is on the line;</li>
 * <li>an unknown option, a missing value, a missing or extra positional or a bad number ({@link ParsedArgs}'
 * typed getters) prints {@code COMMAND: reason} naming the option and then the usage on stderr, and exits
 * {@link CommandSyntax#EXIT_USAGE 2}; a command's own failures exit {@link CommandSyntax#EXIT_FAILURE 1}.</li>
 * </ul>
 *
 * <p>{@link SyntaxCommand} is the base of a runtime command: its name, {@code --help} and usage errors come from its
 * syntax, so a command writes only what it does.
 *
 * <p>Why picocli underneath: it is a well-kept, dependency-free OSGi bundle (it exports {@code picocli}) and its
 * programmatic API ({@code CommandSpec}) takes a declaration built at run time, so the same tokenizer, error
 * messages and usage layout serve every command; annotations are not needed. commons-cli and jopt-simple were
 * the alternatives: both leave positionals to the caller (no counts checked, none described in the generated
 * usage), and jopt-simple has had no release since 2017.
 * picocli's own conveniences that do not suit a data tool are off: {@code @file} expansion (a path may start with
 * {@code @}), colours, abbreviated options. Picocli types never appear in this package's API, so commands depend
 * on these rules only.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.raddiag.support.cli;
