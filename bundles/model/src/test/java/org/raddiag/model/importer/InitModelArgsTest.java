package org.raddiag.model.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** init-model's argument handling; every case here is refused (or answered) before any engine is used. */
class InitModelArgsTest {
    private record Run(int status, String out, String err) {
        static Run of(String... args) throws Exception {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            int status = new InitModelCommand().run(List.of(args), new PrintStream(o, true, StandardCharsets.UTF_8),
                    new PrintStream(e, true, StandardCharsets.UTF_8));
            return new Run(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void helpPrintsTheUsageOnStdout() throws Exception {
        Run r = Run.of("--arch", "demo-small", "-h");
        assertEquals(0, r.status);
        assertTrue(r.out.startsWith("Usage: init-model [-h] --arch=ARCH --name=NAME[:VERSION]"), r.out);
        assertTrue(r.out.contains("--seed=N") && r.out.contains("(default: 0)"), r.out);
        assertEquals("", r.err);
    }

    @Test
    void missingRequiredOptionsAndBadNumbersExitTwoWithTheUsage() throws Exception {
        Run r = Run.of("--arch", "demo-small");
        assertEquals(2, r.status);
        assertTrue(r.err.startsWith("init-model: Missing required option: '--name=NAME[:VERSION]'"), r.err);
        assertTrue(r.err.contains("Usage: init-model"), r.err);
        r = Run.of("--arch=demo-small", "--name=x", "--seed", "one");
        assertEquals(2, r.status);
        assertTrue(r.err.startsWith("init-model: --seed takes a whole number, not 'one'"), r.err);
        r = Run.of("--arch", "demo-small", "--name", "x", "--bins", "1;2");
        assertEquals(2, r.status);
        assertTrue(r.err.startsWith("init-model: --bins takes HEAD,MEDIUM"), r.err);
        r = Run.of("--arch", "demo-small", "--name", "x", "extra");
        assertEquals(2, r.status);
        assertTrue(r.err.contains("'extra'"), r.err);
        assertEquals("", r.out);
    }
}
