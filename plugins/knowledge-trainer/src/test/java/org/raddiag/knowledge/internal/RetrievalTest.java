package org.raddiag.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalTest {
    private static float[] unit(double angle) {
        return new float[] {(float) Math.cos(angle), (float) Math.sin(angle)};
    }

    @Test
    void topKAndReciprocalRankOfTheFirstSameCodeNeighbour() {
        // labelled at angles 0, 0.1, 0.2, ... 0.7 with codes A B C D E F G A
        float[][] labelled = new float[8][];
        for (int i = 0; i < 8; i++) {
            labelled[i] = unit(i * 0.1);
        }
        List<String> labelCodes = List.of("A", "B", "C", "D", "E", "F", "G", "A");
        // q0 at angle 0.01: nearest is A (rank 1); q1 at 0.01 with code C: rank 3; q2 at -0.5 with code G: rank 7
        float[][] query = {unit(0.01), unit(0.01), unit(-0.5)};
        Retrieval r = Retrieval.evaluate(query, List.of("A", "C", "G"), labelled, labelCodes);
        assertEquals(3, r.queries());
        assertEquals(1.0 / 3, r.top1(), 1e-12);
        assertEquals(2.0 / 3, r.top5(), 1e-12);
        assertEquals((1 + 1.0 / 3 + 1.0 / 7) / 3, r.mrr(), 1e-12);
    }

    @Test
    void tiesRankTheEarlierLabelledDisorderFirst() {
        float[][] labelled = {unit(0), unit(0)};
        Retrieval r = Retrieval.evaluate(new float[][] {unit(0)}, List.of("B"), labelled, List.of("A", "B"));
        assertEquals(0.5, r.mrr(), 1e-12);
    }

    @Test
    void aQueryWhoseCodeIsNotLabelledIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Retrieval.evaluate(new float[][] {unit(0)}, List.of("Z"),
                new float[][] {unit(0)}, List.of("A")));
    }
}
