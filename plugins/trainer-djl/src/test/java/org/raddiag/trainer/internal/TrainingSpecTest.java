package org.raddiag.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSpecTest {
    @Test
    void defaultsAreTheReference() {
        TrainingSpec s = TrainingSpec.of(Map.of());
        assertEquals(1e-5, s.lr());
        assertEquals(0.0, s.weightDecay());
        assertEquals(1.0, s.clipNorm());
        assertEquals(1, s.batchSize());
        assertEquals(100, s.epochs());
        assertEquals(42, s.seed());
        assertEquals(0.001, s.klWeight());
        assertFalse(s.augment() || s.mix() || s.freezeBackbone());
        assertEquals("resnet50", s.architecture(7).get("backbone"));
        assertEquals("7", s.architecture(7).get("classes"));
        assertEquals("4", s.architecture(7).get("slots"));
    }

    @Test
    void badOrUnknownSettingsFail() {
        assertThrows(IllegalArgumentException.class, () -> TrainingSpec.of(Map.of("learningRate", "1")));
        assertThrows(IllegalArgumentException.class, () -> TrainingSpec.of(Map.of("epochs", "0")));
        assertThrows(IllegalArgumentException.class, () -> TrainingSpec.of(Map.of("augment", "yes")));
        assertThrows(IllegalArgumentException.class, () -> TrainingSpec.of(Map.of("mixP", "1.5")));
        assertEquals(3, TrainingSpec.of(Map.of("batchSize", "3")).batchSize());
    }
}
