package org.raddiag.workflows.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.LabelSet;

class ZeroShotTest {
    private static final LabelSet MODEL = new LabelSet("model", List.of("Normal", "Pneumonia", "Tuberculosis",
            "Pleural effusion", "Fracture"), 2, 2);

    @Test
    void externalLabelTakesTheMaxOfItsModelLabels() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("infection", List.of("Pneumonia", "Tuberculosis"));
        map.put("effusion", List.of("Pleural effusion"));
        map.put("no finding", List.of("Normal"));
        ZeroShot z = new ZeroShot(MODEL, map);
        assertEquals(List.of("infection", "effusion", "no finding"), z.labels());
        float[] p = {0.1f, 0.3f, 0.8f, 0.05f, 0.9f};
        assertArrayEquals(new float[] {0.8f, 0.05f, 0.1f}, z.score(p));
        assertEquals(0.8f, z.scoreByLabel(p).get("infection"));
        float[] logits = {0f, 0f, 2f, -1f, 5f};
        assertEquals((float) (1 / (1 + Math.exp(-2))), z.scoreLogits(logits)[0], 1e-7f);
        assertEquals(0.5f, z.scoreLogits(logits)[2], 1e-7f);
    }

    @Test
    void unknownOrEmptyMappingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ZeroShot(MODEL, Map.of("x", List.of("Pneumonai"))));
        assertThrows(IllegalArgumentException.class, () -> new ZeroShot(MODEL, Map.of("x", List.of())));
    }
}
