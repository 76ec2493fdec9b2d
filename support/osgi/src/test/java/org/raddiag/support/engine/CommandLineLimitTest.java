package org.raddiag.support.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandLineLimitTest {
    @Test
    void aLongCommandLineIsRefusedWithTheWayOut() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CommandLineLimit.check("ONNX Runtime", 3979, 3980));
        assertTrue(e.getMessage().contains("3980 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("@argfile"), e.getMessage());
    }

    @Test
    void aShortOrUnreadableCommandLinePasses() {
        assertDoesNotThrow(() -> CommandLineLimit.check("ONNX Runtime", 3979, 3979));
        assertDoesNotThrow(() -> CommandLineLimit.check("ONNX Runtime", 3979, -1));
        assertDoesNotThrow(() -> CommandLineLimit.check("ONNX Runtime", 0, 100_000), "0 turns the check off");
    }
}
