package org.raddiag.workflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.LabelSet;
import org.raddiag.metrics.Predictions;

class ZeroShotEvaluationTest {
    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("mapping.json"), json);
    }

    @Test
    void mappingTakesATextOrAListOfTextsPerDatasetLabel() throws IOException {
        Map<String, List<String>> m = ZeroShotEvaluation.readMapping(file(
                "{\"Cardiomegaly\": [\"enlarged heart\", \"cardiomegaly\"], \"Pleural effusion\": \"fluid\"}"));
        assertEquals(List.of("Cardiomegaly", "Pleural effusion"), List.copyOf(m.keySet()));
        assertEquals(List.of("enlarged heart", "cardiomegaly"), m.get("Cardiomegaly"));
        assertEquals(List.of("enlarged heart", "cardiomegaly", "fluid"), ZeroShotEvaluation.texts(m));
        LabelSet dataset = new LabelSet("d", List.of("Normal", "Pleural effusion", "Cardiomegaly"), 3, 0);
        assertEquals(List.of("Cardiomegaly", "Pleural effusion"),
                ZeroShotEvaluation.truthLabels(m, dataset, dir).labels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ZeroShotEvaluation
                .truthLabels(Map.of("Fracture", List.of("x")), dataset, dir));
        assertTrue(e.getMessage().contains("'Fracture' is not a label of the dataset"), e.getMessage());
    }

    @Test
    void badMappingsAreErrorsNamingTheFileAndEntry() throws IOException {
        for (String bad : new String[] {"[]", "{}", "{\"a\": 3}", "{\"a\": [\"\"]}", "{\"a\": []}", "{\"a\":"}) {
            IOException e = assertThrows(IOException.class, () -> ZeroShotEvaluation.readMapping(file(bad)), bad);
            assertTrue(e.getMessage().startsWith(dir.resolve("mapping.json").toString()), e.getMessage());
        }
        assertThrows(IOException.class, () -> ZeroShotEvaluation.readMapping(dir.resolve("none.json")));
    }

    @Test
    void accTprFprAtTheF1maxThreshold() throws IOException {
        // label 0: scores 0.9 0.8 0.7 0.2 for labels 1 0 1 0 -> F1max 0.8 at threshold 0.7 (tp 2, fp 1, tn 1)
        // label 1: every case negative -> not evaluable
        float[] scores = {0.9f, 0.1f, 0.8f, 0.2f, 0.7f, 0.3f, 0.2f, 0.4f};
        float[] labels = {1, 0, 0, 0, 1, 0, 0, 0};
        Predictions p = Predictions.fromScores(4, 2, scores, labels);
        ZeroShotEvaluation z = ZeroShotEvaluation.of(p, new LabelSet("z", List.of("a", "b"), 2, 0));
        ZeroShotEvaluation.Row a = z.rows().get(0);
        assertEquals(0.75, a.auc(), 1e-9);
        assertEquals(0.7f, a.threshold());
        assertEquals(0.75, a.acc(), 1e-9);
        assertEquals(1.0, a.tpr(), 1e-9);
        assertEquals(0.5, a.fpr(), 1e-9);
        assertTrue(Double.isNaN(z.rows().get(1).auc()));
        assertEquals(0.75, z.mean(ZeroShotEvaluation.Row::auc), 1e-9);
        z.write(dir, "ke:1.0.0", Map.of("a", List.of("text a")));
        assertTrue(Files.readString(dir.resolve(ZeroShotEvaluation.FILE)).contains("\"macroAuc\": 0.75"));
    }
}
