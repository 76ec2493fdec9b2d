package org.raddiag.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.data.LabelSet.Split;

class ClassSplitsTest {
    @Test
    void referenceDefaults() {
        assertArrayEquals(new int[] {85, 555}, ClassSplits.DISORDERS.range(Split.MEDIUM, 5569));
        assertArrayEquals(new int[] {555, 5569}, ClassSplits.DISORDERS.range(Split.TAIL, 5569));
        assertArrayEquals(new int[] {165, 395}, ClassSplits.ICD10.range(Split.MEDIUM, 931));
        assertEquals(Split.TAIL, ClassSplits.ICD10.split(395));
    }

    @Test
    void clippedToClassCountAndFromLabelSet() {
        assertArrayEquals(new int[] {12, 12}, ClassSplits.DISORDERS.range(Split.TAIL, 12));
        assertArrayEquals(new int[] {0, 12}, ClassSplits.DISORDERS.range(Split.HEAD, 12));
        LabelSet ls = new LabelSet("t", List.of("a", "b", "c", "d"), 1, 2);
        assertEquals(new ClassSplits(1, 3), ClassSplits.of(ls));
    }
}
