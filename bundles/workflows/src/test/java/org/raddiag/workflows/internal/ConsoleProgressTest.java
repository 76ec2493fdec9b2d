package org.raddiag.workflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private static final Map<String, Double> M = Map.of("loss", 0.5, "casesPerSec", 2.0);

    @Test
    void terminalRedrawsOneLineWithEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, clock::get);
        p.step(0, 1, 10, M);
        clock.set(4_000_000_000L);
        p.step(0, 5, 10, M);
        p.epoch(0, Map.of("trainLoss", 0.4));
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, s.chars().filter(c -> c == '\r').count());
        assertTrue(s.contains("[############............]  50% step 5/10 epoch 1 loss 0.5000 2.00 cases/s ETA 0:04"),
                s);
        assertTrue(s.contains("\nepoch 1 done: trainLoss 0.4000"));
    }

    @Test
    void pipeGetsPlainLinesWithoutCarriageReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, () -> 0L);
        for (int i = 1; i <= 1000; i++) {
            p.step(0, i, 1000, M);
        }
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(s.contains("\r"));
        long lines = s.lines().count();
        assertTrue(lines >= 100 && lines <= 102, "lines " + lines);
    }

    @Test
    void durations() {
        assertEquals("0:05", ConsoleProgress.duration(5));
        assertEquals("1:01:01", ConsoleProgress.duration(3661));
        assertEquals("--:--", ConsoleProgress.duration(Double.NaN));
    }
}
