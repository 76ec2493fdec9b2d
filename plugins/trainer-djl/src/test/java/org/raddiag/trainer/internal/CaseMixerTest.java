package org.raddiag.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.raddiag.api.data.FloatTensor;
import org.raddiag.api.model.ModelInput;

class CaseMixerTest {
    private static EncodedCase encoded(float v, long mod, long key, float[] labels) {
        float[] img = new float[2 * 2 * 2 * 3];
        java.util.Arrays.fill(img, v);
        return new EncodedCase(new ModelInput(new FloatTensor(img, 1, 2, 1, 2, 2, 3), new long[] {mod, 0},
                new long[] {1, 1, 0, 0, 0, 0}, new long[] {key, -1}), labels);
    }

    @Test
    void secondCaseFillsTheNextSlotsAndLabelsAreTheUnion() {
        EncodedCase a = encoded(0.25f, 1, 1, new float[] {1, 0, 0});
        EncodedCase b = encoded(0.75f, 7, 0, new float[] {0, 0, 1});
        EncodedCase m = CaseMixer.mix(a, b);
        assertArrayEquals(new long[] {1, 4, 1, 2, 2, 3}, m.input().images().shape());
        assertArrayEquals(new long[] {1, 0, 7, 0}, m.input().modalityCodes());
        assertArrayEquals(new long[] {1, -1, 0, -1}, m.input().keySlices());
        assertArrayEquals(new float[] {1, 0, 1}, m.labels());
        assertEquals(0.25f, m.input().images().data()[0]);
        assertEquals(0.75f, m.input().images().data()[24]);
        assertEquals(2, m.input().validSlices(0, 2));
    }

    @Test
    void withoutSecondCaseTheExtraSlotsAreEmpty() {
        EncodedCase m = CaseMixer.mix(encoded(0.5f, 4, 2, new float[] {0, 1}), null);
        assertArrayEquals(new long[] {4, 0, 0, 0}, m.input().modalityCodes());
        assertArrayEquals(new long[] {2, -1, -1, -1}, m.input().keySlices());
        assertEquals(0, m.input().validSlices(0, 2));
        assertEquals(0f, m.input().images().data()[30]);
        assertArrayEquals(new float[] {0, 1}, m.labels());
    }
}
