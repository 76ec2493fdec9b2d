package org.raddiag.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.FloatTensor;

/** Stacking pads slots and slices as the reference pads a case; splitting gives every input its own part back. */
class ModelBatchTest {
    /** One case of {@code slots} x (h x w) x {@code depth}, pixel value = tag + position, slots 0..filled-1 used. */
    static ModelInput input(float tag, int slots, int filled, int depth, int valid, int h, int w) {
        float[] px = new float[slots * h * w * depth];
        long[] mods = new long[slots];
        long[] marks = new long[slots * depth];
        long[] keys = new long[slots];
        java.util.Arrays.fill(keys, -1);
        for (int s = 0; s < filled; s++) {
            mods[s] = 1 + s;
            keys[s] = 0;
            for (int d = 0; d < valid; d++) {
                marks[s * depth + d] = 1;
                for (int p = 0; p < h * w; p++) {
                    px[(s * h * w + p) * depth + d] = tag + s * 0.1f + p * 0.001f + d * 0.0001f;
                }
            }
        }
        return new ModelInput(new FloatTensor(px, 1, slots, 1, h, w, depth), mods, marks, keys);
    }

    @Test
    void padsSlotsAndSlicesWithEmptyMaskedEntries() {
        ModelInput a = input(1, 2, 2, 3, 2, 2, 2);
        ModelInput b = input(2, 3, 1, 4, 4, 2, 2);
        ModelInput s = ModelBatch.stack(List.of(a, b));
        assertEquals(2, s.cases());
        assertEquals(3, s.slots());
        assertEquals(4, s.depth());
        assertArrayEquals(new long[] {1, 2, 0, 1, 0, 0}, s.modalityCodes());
        assertArrayEquals(new long[] {0, 0, -1, 0, -1, -1}, s.keySlices());
        assertArrayEquals(new long[] {1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0},
                s.sliceMask());
        float[] px = s.images().data();
        int pixels = 4;
        // case 0, slot 1, pixel 3, slice 1 keeps its value; slice 3 (padding) is zero
        assertEquals(a.images().data()[((1 * pixels) + 3) * 3 + 1], px[((0 * 3 + 1) * pixels + 3) * 4 + 1]);
        assertEquals(0f, px[((0 * 3 + 1) * pixels + 3) * 4 + 3]);
        // case 1 is copied as is
        for (int i = 0; i < b.images().data().length; i++) {
            assertEquals(b.images().data()[i], px[3 * pixels * 4 + i]);
        }
    }

    @Test
    void splitGivesEachInputItsOwnCasesSlotsAndSlices() {
        ModelInput a = input(1, 2, 2, 3, 3, 2, 2);
        ModelInput b = input(2, 3, 1, 4, 4, 2, 2);
        ModelInput s = ModelBatch.stack(List.of(a, b));
        int classes = 2;
        float[] logits = {10, 11, 20, 21};
        float[] att = new float[2 * 3 * 4];
        for (int i = 0; i < att.length; i++) {
            att[i] = i;
        }
        List<ModelOutput> parts = ModelBatch.split(new ModelOutput(logits, att, 2, classes, 3, 4), List.of(a, b));
        assertArrayEquals(new float[] {10, 11}, parts.get(0).logits());
        assertArrayEquals(new float[] {20, 21}, parts.get(1).logits());
        assertEquals(2, parts.get(0).slots());
        assertEquals(3, parts.get(0).depth());
        assertArrayEquals(new float[] {0, 1, 2, 4, 5, 6}, parts.get(0).sliceAttention());
        assertArrayEquals(new float[] {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}, parts.get(1).sliceAttention());
        assertEquals(s.cases(), parts.get(0).cases() + parts.get(1).cases());
    }

    @Test
    void oneInputIsPassedThroughAndDifferentSizesAreRefused() {
        ModelInput a = input(1, 2, 2, 3, 3, 2, 2);
        assertSame(a, ModelBatch.stack(List.of(a)));
        assertThrows(IllegalArgumentException.class, () -> ModelBatch.stack(List.of(a, input(1, 2, 2, 3, 3, 4, 4))));
    }

    @Test
    void validationRefusesNonFinitePixelsAndNegativeCodes() {
        ModelInput a = input(1, 1, 1, 2, 2, 2, 2);
        a.images().data()[3] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> ModelBatch.validate(a));
        ModelInput b = input(1, 1, 1, 2, 2, 2, 2);
        b.modalityCodes()[0] = -1;
        assertThrows(IllegalArgumentException.class, () -> ModelBatch.validate(b));
        ModelBatch.validate(input(1, 1, 1, 2, 2, 2, 2));
    }
}
