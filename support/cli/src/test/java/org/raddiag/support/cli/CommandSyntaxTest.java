package org.raddiag.support.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandSyntaxTest {
    private static final CommandSyntax DIAGNOSE = CommandSyntax.command("diagnose", "ranked findings of one case")
            .required("model", "NAME[:VER]", "model package")
            .option("backend", "B", "compute backend", "pytorch")
            .option("top", "K", "findings to list", "10")
            .option("threshold", "P", "probability cut")
            .option("seed", "N", "seed")
            .option("out", "DIR", "output folder")
            .flag("json", "machine-readable output")
            .repeatable("set", "KEY=VALUE", "a training setting")
            .positional("CASE", "case folder or file")
            .build();

    private static final CommandSyntax BENCH = CommandSyntax.command("bench-io", "reading speed")
            .positionals("PATH", "files to read", 1)
            .build();

    private static final CommandSyntax PLUGINS = CommandSyntax.command("plugins", "services by kind")
            .flag("json", "machine-readable output")
            .optionalPositional("KIND", "only this kind")
            .build();

    @Test
    void keyValueAndKeyEqualsValueBothWork() {
        ParsedArgs a = DIAGNOSE.parse(List.of("case1", "--model", "tiny:1.0.0", "--top=3", "--backend=onnxruntime"));
        assertEquals("tiny:1.0.0", a.value("model"));
        assertEquals(3, a.intValue("top"));
        assertEquals("onnxruntime", a.value("backend"));
        assertEquals(List.of("case1"), a.positionals());
    }

    @Test
    void defaultsApplyWhenAbsentAndDoNotCountAsGiven() {
        ParsedArgs a = DIAGNOSE.parse(List.of("--model", "m", "c"));
        assertEquals("pytorch", a.value("backend"));
        assertEquals(10, a.intValue("top"));
        assertFalse(a.has("top"));
        assertNull(a.value("threshold"));
        assertEquals(0.5, a.doubleValue("threshold", 0.5));
        assertEquals(7L, a.longValue("seed", 7L));
        assertNull(a.path("out"));
        assertFalse(a.flag("json"));
    }

    @Test
    void flagsNeverTakeTheNextArgument() {
        ParsedArgs a = DIAGNOSE.parse(List.of("--json", "case1", "--model", "m"));
        assertTrue(a.flag("json"));
        assertEquals(List.of("case1"), a.positionals());
        UsageException e = assertThrows(UsageException.class,
                () -> DIAGNOSE.parse(List.of("--json=false", "c", "--model", "m")));
        assertTrue(e.getMessage().contains("--json"), e.getMessage());
    }

    @Test
    void repeatableOptionsKeepEveryValueInOrder() {
        ParsedArgs a = DIAGNOSE.parse(List.of("c", "--model", "m", "--set", "epochs=3", "--set=lr=2e-3=x",
                "--set", "epochs=5"));
        assertEquals(List.of("epochs=3", "lr=2e-3=x", "epochs=5"), a.values("set"));
        assertEquals(Map.of("epochs", "5", "lr", "2e-3=x"), a.settings("set"));
        assertEquals(List.of(), DIAGNOSE.parse(List.of("c", "--model", "m")).values("set"));
    }

    @Test
    void settingWithoutKeyIsRefusedNamingTheOption() {
        for (String bad : List.of("epochs", "=3")) {
            ParsedArgs a = DIAGNOSE.parse(List.of("c", "--model", "m", "--set", bad));
            UsageException e = assertThrows(UsageException.class, () -> a.settings("set"));
            assertEquals("--set needs KEY=VALUE, not '" + bad + "'", e.getMessage());
        }
    }

    @Test
    void aSingleValueOptionGivenTwiceKeepsTheLast() {
        assertEquals("b", DIAGNOSE.parse(List.of("c", "--model", "m", "--out", "a", "--out", "b")).value("out"));
    }

    @Test
    void doubleDashEndsOptions() {
        ParsedArgs a = DIAGNOSE.parse(List.of("--model", "m", "--", "--json"));
        assertEquals(List.of("--json"), a.positionals());
        assertFalse(a.flag("json"));
        assertEquals(List.of("-h"), PLUGINS.parse(List.of("--", "-h")).positionals());
    }

    @Test
    void valuesMayStartWithDashOrAt() {
        ParsedArgs a = DIAGNOSE.parse(List.of("@case", "--model", "m", "--seed", "-3"));
        assertEquals(-3L, a.longValue("seed", 0));
        assertEquals(List.of("@case"), a.positionals());
    }

    @Test
    void unknownOptionIsRefusedByName() {
        UsageException e = assertThrows(UsageException.class,
                () -> DIAGNOSE.parse(List.of("c", "--model", "m", "--bogus")));
        assertTrue(e.getMessage().contains("--bogus"), e.getMessage());
        e = assertThrows(UsageException.class, () -> DIAGNOSE.parse(List.of("c", "--model", "m", "--bogus=1")));
        assertTrue(e.getMessage().contains("--bogus"), e.getMessage());
        e = assertThrows(UsageException.class, () -> DIAGNOSE.parse(List.of("c", "--model", "m", "--mod", "x")));
        assertTrue(e.getMessage().contains("--mod"), "no abbreviations: " + e.getMessage());
    }

    @Test
    void missingValueIsRefusedNamingTheOption() {
        UsageException e = assertThrows(UsageException.class, () -> DIAGNOSE.parse(List.of("c", "--model")));
        assertTrue(e.getMessage().contains("--model"), e.getMessage());
        e = assertThrows(UsageException.class, () -> DIAGNOSE.parse(List.of("c", "--model", "m", "--top", "--json")));
        assertTrue(e.getMessage().contains("--top"), "an option is not a value: " + e.getMessage());
    }

    @Test
    void missingRequiredOptionAndPositionalAreRefused() {
        UsageException e = assertThrows(UsageException.class, () -> DIAGNOSE.parse(List.of("c")));
        assertTrue(e.getMessage().contains("--model"), e.getMessage());
        e = assertThrows(UsageException.class, () -> DIAGNOSE.parse(List.of("--model", "m")));
        assertTrue(e.getMessage().contains("CASE"), e.getMessage());
        e = assertThrows(UsageException.class, () -> BENCH.parse(List.of()));
        assertTrue(e.getMessage().contains("PATH"), e.getMessage());
    }

    @Test
    void extraPositionalIsRefused() {
        UsageException e = assertThrows(UsageException.class,
                () -> DIAGNOSE.parse(List.of("c1", "c2", "--model", "m")));
        assertTrue(e.getMessage().contains("c2"), e.getMessage());
        assertEquals(List.of("a", "b", "c"), BENCH.parse(List.of("a", "b", "c")).positionals());
        assertNull(PLUGINS.parse(List.of()).positional(0));
        assertEquals("reader", PLUGINS.parse(List.of("reader")).positional(0));
    }

    @Test
    void badNumbersAreRefusedNamingTheOptionAndTheValue() {
        ParsedArgs a = DIAGNOSE.parse(List.of("c", "--model", "m", "--top", "ten", "--threshold", "0,5",
                "--seed", "1.5"));
        UsageException e = assertThrows(UsageException.class, () -> a.intValue("top"));
        assertEquals("--top takes a whole number, not 'ten'", e.getMessage());
        e = assertThrows(UsageException.class, () -> a.doubleValue("threshold", 0));
        assertEquals("--threshold takes a number, not '0,5'", e.getMessage());
        e = assertThrows(UsageException.class, () -> a.longValue("seed", 0));
        assertEquals("--seed takes a whole number, not '1.5'", e.getMessage());
        ParsedArgs nan = DIAGNOSE.parse(List.of("c", "--model", "m", "--threshold", "NaN"));
        assertThrows(UsageException.class, () -> nan.doubleValue("threshold", 0));
    }

    @Test
    void aModelReferenceIsParsedOrRefusedNamingTheOption() {
        ParsedArgs a = DIAGNOSE.parse(List.of("c", "--model", "demo:1.2.0"));
        assertEquals("demo", a.modelRef("model").name());
        assertEquals("1.2.0", a.modelRef("model", "1.0.0").version());
        ParsedArgs bare = DIAGNOSE.parse(List.of("c", "--model", "demo"));
        assertNull(bare.modelRef("model").version());
        assertEquals("1.0.0", bare.modelRef("model", "1.0.0").version());
        ParsedArgs bad = DIAGNOSE.parse(List.of("c", "--model", ":1.0"));
        UsageException e = assertThrows(UsageException.class, () -> bad.modelRef("model"));
        assertTrue(e.getMessage().startsWith("--model: "), e.getMessage());
    }

    @Test
    void aCountIsAWholeNumberOfAtLeastOne() {
        assertEquals(3, DIAGNOSE.parse(List.of("c", "--model", "m", "--top", "3")).count("top"));
        assertEquals(10, DIAGNOSE.parse(List.of("c", "--model", "m")).count("top"));
        for (String bad : List.of("0", "-2")) {
            ParsedArgs a = DIAGNOSE.parse(List.of("c", "--model", "m", "--top", bad));
            UsageException e = assertThrows(UsageException.class, () -> a.count("top"));
            assertEquals("--top takes a count of at least 1, not " + bad, e.getMessage());
        }
        ParsedArgs ten = DIAGNOSE.parse(List.of("c", "--model", "m", "--top", "ten"));
        assertThrows(UsageException.class, () -> ten.count("top"));
    }

    @Test
    void pathsAreTypedAndAnEmptyPathIsRefused() {
        assertEquals(Path.of("/tmp/x"), DIAGNOSE.parse(List.of("c", "--model", "m", "--out", "/tmp/x")).path("out"));
        ParsedArgs a = DIAGNOSE.parse(List.of("c", "--model", "m", "--out="));
        UsageException e = assertThrows(UsageException.class, () -> a.path("out"));
        assertTrue(e.getMessage().startsWith("--out"), e.getMessage());
        ParsedArgs b = DIAGNOSE.parse(List.of("c", "--model", "m"));
        e = assertThrows(UsageException.class, () -> b.requiredPath("out"));
        assertEquals("--out is required", e.getMessage());
    }

    @Test
    void undeclaredOptionIsAProgrammingError() {
        ParsedArgs a = PLUGINS.parse(List.of());
        assertThrows(IllegalStateException.class, () -> a.flag("verbose"));
        assertThrows(IllegalStateException.class, () -> a.value("json"));
    }

    @Test
    void helpPrintsTheUsageOnStdoutAndExitsZeroWhateverElseIsThere() throws Exception {
        for (List<String> args : List.of(List.of("--help"), List.of("-h"), List.of("--bogus", "--help"),
                List.of("--model", "-h"))) {
            Run r = run(DIAGNOSE, args);
            assertEquals(0, r.status, args.toString());
            assertTrue(r.out.startsWith("Usage: diagnose"), r.out);
            assertTrue(r.out.contains("--model=NAME[:VER]"), r.out);
            assertTrue(r.out.contains("--top=K"), r.out);
            assertTrue(r.out.contains("(default: 10)"), r.out);
            assertTrue(r.out.contains("-h, --help"), r.out);
            assertTrue(r.out.contains("CASE"), r.out);
            assertEquals("", r.err);
            assertFalse(r.bodyRan);
        }
    }

    /** A bad option (refused before the body runs) or a bad value the body finds: the reason and the usage, exit 2. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "c --model m --bogus | --bogus                              | false",
        "c --model m --top x | --top takes a whole number, not 'x' | true",
    })
    void usageErrorsPrintReasonAndUsageOnStderrAndExitTwo(String args, String reason, boolean bodyRan)
            throws Exception {
        Run r = run(DIAGNOSE, List.of(args.split(" ")));
        assertEquals(CommandSyntax.EXIT_USAGE, r.status);
        assertTrue(r.err.startsWith("diagnose: "), r.err);
        assertTrue(r.err.contains(reason), r.err);
        assertTrue(r.err.contains("Usage: diagnose"), r.err);
        assertEquals("", r.out);
        assertEquals(bodyRan, r.bodyRan);
    }

    @Test
    void theBodysStatusIsReturned() throws Exception {
        Run r = run(DIAGNOSE, List.of("c", "--model", "m"));
        assertEquals(1, r.status);
        assertTrue(r.bodyRan);
        assertEquals("ran\n", r.out);
    }

    @Test
    void synopsisIsOneGeneratedLine() {
        assertEquals("--model=NAME[:VER] [--backend=B] [--top=K] [--threshold=P] [--seed=N] [--out=DIR] [--json]"
                + " [--set=KEY=VALUE]... CASE", DIAGNOSE.synopsis());
        assertEquals("[--json] [KIND]", PLUGINS.synopsis());
        assertEquals("PATH...", BENCH.synopsis());
    }

    @Test
    void helpRuleIsTheLaunchersRule() {
        assertTrue(CommandSyntax.helpRequested(List.of("x", "--help")));
        assertTrue(CommandSyntax.helpRequested(List.of("-h")));
        assertFalse(CommandSyntax.helpRequested(List.of("--", "--help")));
        assertFalse(CommandSyntax.helpRequested(List.of("--helpful")));
    }

    @Test
    void declarationMistakesFailAtBuildTime() {
        assertThrows(IllegalArgumentException.class, () -> CommandSyntax.command("x", "d").flag("help", "h"));
        assertThrows(IllegalArgumentException.class,
                () -> CommandSyntax.command("x", "d").flag("json", "a").option("json", "V", "b"));
        assertThrows(IllegalArgumentException.class,
                () -> CommandSyntax.command("x", "d").positionals("A", "a", 0).positional("B", "b"));
        assertThrows(IllegalArgumentException.class, () -> CommandSyntax.command("bad name", "d"));
    }

    private record Run(int status, String out, String err, boolean bodyRan) {
    }

    private static Run run(CommandSyntax syntax, List<String> args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        boolean[] ran = {false};
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = syntax.run(args, o, e, a -> {
                ran[0] = true;
                a.intValue("top");
                o.println("ran");
                return 1;
            });
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), ran[0]);
    }
}
