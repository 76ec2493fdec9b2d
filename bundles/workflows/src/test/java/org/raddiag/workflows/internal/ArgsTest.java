package org.raddiag.workflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgsTest {

    @Test
    void flagsOptionsSettingsAndPositionals() {
        Args a = Args.parse(List.of("CASE", "--resume", "--out", "/tmp/x", "--set", "epochs=3", "--set", "lr=2e-3=x",
                "--demo-arch", "more"), List.of("resume", "demo-arch"));
        assertTrue(a.flag("resume"));
        assertTrue(a.flag("demo-arch"));
        assertFalse(a.flag("fresh"));
        assertEquals(Map.of("out", "/tmp/x"), a.options);
        // only the first '=' splits: values may contain '='
        assertEquals(Map.of("epochs", "3", "lr", "2e-3=x"), a.settings);
        assertEquals(List.of("CASE", "more"), a.positional);
    }

    @Test
    void anUnknownFlagTakesTheNextArgumentAsItsValue() {
        Args a = Args.parse(List.of("--fresh", "CASE"), List.of("resume"));
        assertEquals(Map.of("fresh", "CASE"), a.options);
        assertTrue(a.positional.isEmpty());
    }

    @Test
    void missingValuesAndMalformedSettingsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Args.parse(List.of("--out"), List.of()));
        assertEquals("--out needs a value", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Args.parse(List.of("--set", "epochs"), List.of()));
        assertEquals("--set needs key=value, got 'epochs'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Args.parse(List.of("--set", "=3"), List.of()));
        assertTrue(e.getMessage().contains("'=3'"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse(List.of("--set"), List.of()));
    }

    @Test
    void laterValuesWin() {
        Args a = Args.parse(List.of("--set", "epochs=3", "--set", "epochs=5", "--out", "a", "--out", "b"), List.of());
        assertEquals("5", a.settings.get("epochs"));
        assertEquals("b", a.options.get("out"));
    }
}
