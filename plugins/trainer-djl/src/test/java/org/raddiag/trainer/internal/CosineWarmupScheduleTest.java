package org.raddiag.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CosineWarmupScheduleTest {
    @Test
    void warmUpIsLinearFromZero() {
        CosineWarmupSchedule s = new CosineWarmupSchedule(1e-3, 10, 110);
        assertEquals(0.0, s.lr(0));
        assertEquals(1e-4, s.lr(1), 1e-18);
        assertEquals(5e-4, s.lr(5), 1e-18);
        assertEquals(9e-4, s.lr(9), 1e-18);
    }

    @Test
    void cosineDecayAfterWarmUp() {
        CosineWarmupSchedule s = new CosineWarmupSchedule(1e-3, 10, 110);
        assertEquals(1e-3, s.lr(10), 1e-18);
        assertEquals(1e-3 * 0.5 * (1 + Math.cos(Math.PI * 0.25)), s.lr(35), 1e-18);
        assertEquals(5e-4, s.lr(60), 1e-15);
        assertEquals(0.0, s.lr(110), 1e-18);
        // like transformers, progress is not clamped past the end (the run never gets there)
        assertEquals(1e-3 * 0.5 * (1 + Math.cos(Math.PI * 4.9)), s.lr(500), 1e-18);
        assertEquals((float) s.lr(35), s.getNewValue(35));
    }

    @Test
    void noWarmUpStartsAtBase() {
        CosineWarmupSchedule s = new CosineWarmupSchedule(2.0, 0, 4);
        assertEquals(2.0, s.lr(0));
        assertEquals(1.0, s.lr(2), 1e-15);
    }

    @Test
    void warmUpStepsFromRatioRoundUp() {
        TrainingSpec spec = TrainingSpec.of(Map.of());
        assertEquals(5, spec.warmupSteps(100));
        assertEquals(6, spec.warmupSteps(101));
        assertEquals(3, TrainingSpec.of(Map.of("warmupSteps", "3")).warmupSteps(101));
    }
}
