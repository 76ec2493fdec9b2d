package org.raddiag.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoftPositivesTest {
    @Test
    void weightsFallFromCodeToBlockToChapter() throws Exception {
        IcdKnowledge k = IcdKnowledgeTest.small();
        assertEquals(1.0f, SoftPositives.weight(k, 0, 1)); // I63, I63
        assertEquals(0.2f, SoftPositives.weight(k, 0, 3)); // I63, I61: block I60-I69
        assertEquals(0.02f, SoftPositives.weight(k, 0, 4)); // I63, I21: chapter I00-I99
        assertEquals(0f, SoftPositives.weight(k, 0, 5)); // I63, J84
        assertEquals(1.0f, SoftPositives.weight(k, 5, 5));
        assertArrayEquals(new float[] {1f, 0.2f, 0f, 0.02f, 0.02f, 0f},
                SoftPositives.matrix(k, new int[] {2, 4}, new int[] {1, 3, 5}));
    }
}
