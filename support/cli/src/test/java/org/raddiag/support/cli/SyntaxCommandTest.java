package org.raddiag.support.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntaxCommandTest {
    private static final CommandSyntax SYNTAX = CommandSyntax.command("count", "counts its arguments")
            .option("min", "N", "fail below this count", "1")
            .positionals("WORD", "words to count", 0)
            .build();

    /** Prints the count of its words; exit 1 below --min. */
    private static final class Count extends SyntaxCommand {
        Count(boolean needsEngines) {
            super(SYNTAX, "counts words", needsEngines);
        }

        Count() {
            super(SYNTAX, "counts words");
        }

        @Override
        protected int run(ParsedArgs a, PrintStream out, PrintStream err) {
            out.print(a.positionals().size());
            return a.positionals().size() < a.intValue("min") ? 1 : 0;
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(SyntaxCommand c, String... args) throws Exception {
        return c.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void nameAndSummaryComeFromTheSyntax() {
        Count c = new Count();
        assertEquals("count", c.name());
        assertEquals("counts words  " + SYNTAX.synopsis(), c.summary());
        assertTrue(c.summary().contains("--min"), c.summary());
    }

    @Test
    void runsTheBodyWithParsedArgumentsAndReturnsItsStatus() throws Exception {
        assertEquals(0, run(new Count(), "a", "b"));
        assertEquals("2", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, run(new Count(), "--min", "3", "a"));
    }

    @Test
    void helpAndUsageErrorsFollowTheCommonRules() throws Exception {
        assertEquals(CommandSyntax.EXIT_OK, run(new Count(), "a", "--help"));
        assertEquals(SYNTAX.usage(), out.toString(StandardCharsets.UTF_8));
        assertEquals(CommandSyntax.EXIT_USAGE, run(new Count(), "--min", "many"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("count: "), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void needsEnginesUnlessToldOtherwise() {
        assertTrue(new Count().needsEngines(List.of()));
        assertFalse(new Count(false).needsEngines(List.of()));
    }
}
