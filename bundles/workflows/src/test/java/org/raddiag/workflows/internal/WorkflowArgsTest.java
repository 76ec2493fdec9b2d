package org.raddiag.workflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.UsageException;

/** The workflow commands' declared arguments, as the shared parser reads them. */
class WorkflowArgsTest {
    @Test
    void trainKeepsItsOptionsFlagsAndRepeatedSettings() {
        ParsedArgs a = TrainCommand.SYNTAX.parse(List.of("--dataset", "phantom", "--out=/tmp/x", "--resume",
                "--set", "epochs=3", "--set", "lr=2e-3=x", "--set=epochs=5", "--demo-arch"));
        assertEquals("phantom", a.required("dataset"));
        assertEquals("/tmp/x", a.requiredPath("out").toString());
        assertTrue(a.flag("resume"));
        assertTrue(a.flag("demo-arch"));
        assertFalse(a.flag("no-register"));
        assertEquals(Map.of("epochs", "5", "lr", "2e-3=x"), a.settings("set"));
        assertEquals("trained", a.value("name"));
    }

    @Test
    void trainRefusesPositionalsUnknownOptionsAndMissingRequiredOnes() {
        assertThrows(UsageException.class, () -> TrainCommand.SYNTAX.parse(List.of("--dataset", "phantom")));
        UsageException e = assertThrows(UsageException.class,
                () -> TrainCommand.SYNTAX.parse(List.of("--dataset", "phantom", "--out", "o", "CASE")));
        assertTrue(e.getMessage().contains("CASE"), e.getMessage());
        e = assertThrows(UsageException.class,
                () -> TrainCommand.SYNTAX.parse(List.of("--dataset", "phantom", "--out", "o", "--fresh")));
        assertTrue(e.getMessage().contains("--fresh"), e.getMessage());
        ParsedArgs a = TrainCommand.SYNTAX.parse(List.of("--dataset", "phantom", "--out", "o", "--set", "epochs"));
        e = assertThrows(UsageException.class, () -> a.settings("set"));
        assertEquals("--set needs KEY=VALUE, not 'epochs'", e.getMessage());
    }

    @Test
    void demoTakesFreshAsAFlag() {
        ParsedArgs a = DemoCommand.SYNTAX.parse(List.of("--fresh", "--out", "d"));
        assertTrue(a.flag("fresh"));
        assertEquals("d", a.value("out"));
        assertThrows(UsageException.class, () -> DemoCommand.SYNTAX.parse(List.of("--fresh", "CASE")));
    }

    @Test
    void evaluateJsonIsAFlagAndHelpIsHelp() throws Exception {
        ParsedArgs a = EvaluateCommand.SYNTAX.parse(List.of("--json", "--scores", "s.npy", "--labels", "l.npy"));
        assertTrue(a.flag("json"));
        assertEquals("s.npy", a.value("scores"));
        assertEquals("evaluation", a.value("out"));
        assertEquals(0, a.intValue("medium"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new EvaluateCommand().run(List.of("--json", "--help"), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: evaluate"), out.toString());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void evaluateRefusesMixedOrIncompleteModesWithTheUsage() throws Exception {
        for (List<String> args : List.of(List.of("--json"), List.of("--scores", "s.npy"),
                List.of("--scores", "s.npy", "--labels", "l.npy", "--model", "m", "--dataset", "phantom"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = new EvaluateCommand().run(args, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, status, args.toString());
            assertTrue(err.toString(StandardCharsets.UTF_8)
                    .startsWith("evaluate: give --model and --dataset, or --scores and --labels"), err.toString());
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: evaluate"), err.toString());
        }
    }
}
