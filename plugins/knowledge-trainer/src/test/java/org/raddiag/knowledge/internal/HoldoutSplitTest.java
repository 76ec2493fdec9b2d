package org.raddiag.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {
    @Test
    void everyHeldOutDisorderKeepsATrainingDisorderWithItsCode() throws Exception {
        IcdKnowledge k = IcdKnowledge.bundled();
        HoldoutSplit s = HoldoutSplit.of(k, 0.1, 3);
        assertEquals(557, s.heldOut().length);
        assertEquals(k.size(), s.train().length + s.heldOut().length);
        Set<String> trainCodes = new HashSet<>();
        for (int i : s.train()) {
            trainCodes.add(k.codes().get(i));
        }
        for (int i : s.heldOut()) {
            assertTrue(trainCodes.contains(k.codes().get(i)), k.names().get(i));
        }
        assertTrue(IntStream.concat(IntStream.of(s.train()), IntStream.of(s.heldOut())).distinct().count() == k.size());
    }

    @Test
    void theSplitIsSeeded() throws Exception {
        IcdKnowledge k = IcdKnowledge.bundled();
        assertArrayEquals(HoldoutSplit.of(k, 0.1, 3).heldOut(), HoldoutSplit.of(k, 0.1, 3).heldOut());
        assertFalse(java.util.Arrays.equals(HoldoutSplit.of(k, 0.1, 3).heldOut(), HoldoutSplit.of(k, 0.1, 4).heldOut()));
    }

    @Test
    void aCodeWithOneDisorderIsNeverHeldOutAndTheFractionIsChecked() throws Exception {
        IcdKnowledge k = IcdKnowledgeTest.small(); // only I63 has 3 disorders
        HoldoutSplit s = HoldoutSplit.of(k, 0.5, 1);
        assertEquals(2, s.heldOut().length);
        for (int i : s.heldOut()) {
            assertEquals("I63", k.codes().get(i));
        }
        assertEquals(0, HoldoutSplit.of(k, 0, 1).heldOut().length);
        assertThrows(IllegalArgumentException.class, () -> HoldoutSplit.of(k, 0.6, 1));
        assertThrows(IllegalArgumentException.class, () -> HoldoutSplit.of(k, Double.NaN, 1));
    }
}
