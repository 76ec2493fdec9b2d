package org.raddiag.workflows.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.metrics.Predictions;

class IcdLevelTest {
    /** An in-memory dataset of cases without scans: what the ICD level reads is the labels. */
    private record LabelsOnly(LabelSet labels, Map<Split, List<Case>> cases) implements DatasetSource {
        @Override
        public String name() {
            return "labels-only";
        }

        @Override
        public List<String> caseIds(Split split) {
            return cases.getOrDefault(split, List.of()).stream().map(Case::id).toList();
        }

        @Override
        public Case load(String caseId) {
            return cases.values().stream().flatMap(List::stream).filter(c -> c.id().equals(caseId)).findFirst()
                    .orElseThrow();
        }
    }

    private static Case c(String id, String... labels) {
        return new Case(id, List.of(), List.of(labels));
    }

    // N20: "Ureteric stone" and "Urolithiasis"; E87: "Hyponatremia"; R91: "Pulmonary nodule" (the supplement)
    private static final LabelSet DISORDERS = new LabelSet("d", List.of("Normal", "Ureteric stone", "Urolithiasis",
            "Pulmonary nodule", "Hyponatremia"), 2, 2);

    private static LabelsOnly data() {
        Map<DatasetSource.Split, List<Case>> m = new LinkedHashMap<>();
        m.put(DatasetSource.Split.TRAIN, List.of(c("t1", "Ureteric stone", "Urolithiasis"), c("t2", "Urolithiasis"),
                c("t3", "Pulmonary nodule", "Ureteric stone"), c("t4", "Normal"), c("t5", "Hyponatremia",
                        "Pulmonary nodule"), c("t6", "Ureteric stone")));
        m.put(DatasetSource.Split.TEST, List.of(c("s1", "Urolithiasis"), c("s2", "Normal")));
        return new LabelsOnly(DISORDERS, m);
    }

    @Test
    void theBundledMapHasTheUpstream930CodesAndTheSupplement() {
        IcdCodes codes = IcdCodes.bundled();
        assertEquals(930, codes.codes().size());
        assertEquals("N20", codes.code("Ureteric stone").orElseThrow());
        assertEquals("R91", codes.code("Pulmonary nodule").orElseThrow());
        assertEquals("N20", codes.code("Ureteric\u00a0stone ").orElseThrow());
        assertTrue(codes.code("Normal").isEmpty());
    }

    @Test
    void codesAreOrderedByTrainingCountsAndSplitByTheDisorderSplitsRarestCounts() throws Exception {
        IcdLevel level = IcdLevel.of(data(), IcdCodes.bundled());
        LabelSet codes = level.codes();
        assertEquals(930, codes.size());
        // N20 in t1 (once, though two of its disorders), t2, t3, t6 = 4; R91 in t3, t5 = 2; E87 in t5 = 1
        assertEquals(List.of("N20", "R91", "E87"), codes.labels().subList(0, 3));
        assertArrayEquals(new int[] {4, 2, 1, 0}, java.util.Arrays.copyOf(level.trainingCounts(), 4));
        // head disorders Normal (1 case) and Ureteric stone (3): rarest 1 -> every code with a case is head
        assertEquals(3, codes.headEnd());
        assertEquals(3, codes.mediumEnd());
        assertEquals(-1, level.codeOf(0));
        assertEquals(level.codeOf(1), level.codeOf(2));

        Case t1 = level.dataset(data()).load("t1");
        assertEquals(List.of("N20"), t1.labels());
        assertEquals(List.of(), level.dataset(data()).load("t4").labels());
    }

    @Test
    void headAndMediumFollowTheRarestDisorderOfEachSplit() throws Exception {
        LabelSet d = new LabelSet("d", List.of("Ureteric stone", "Pulmonary nodule", "Hyponatremia"), 1, 1);
        Map<DatasetSource.Split, List<Case>> m = new LinkedHashMap<>();
        List<Case> train = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            train.add(c("u" + i, "Ureteric stone"));
        }
        train.add(c("p1", "Pulmonary nodule"));
        train.add(c("p2", "Pulmonary nodule"));
        train.add(c("p3", "Pulmonary nodule", "Hyponatremia"));
        m.put(DatasetSource.Split.TRAIN, train);
        LabelSet codes = IcdLevel.of(new LabelsOnly(d, m), IcdCodes.bundled()).codes();
        assertEquals(1, codes.headEnd());
        assertEquals(2, codes.mediumEnd());
        assertEquals(LabelSet.Split.TAIL, codes.split(2));
    }

    @Test
    void scoresAggregateToCodesByMax() throws Exception {
        IcdLevel level = IcdLevel.of(data(), IcdCodes.bundled());
        // two cases x five disorders
        float[] scores = {0.9f, 0.2f, 0.7f, 0.1f, 0.3f, 0.1f, 0.6f, 0.4f, 0.8f, 0.05f};
        float[] labels = {1, 0, 0, 0, 0, 0, 0, 1, 1, 0};
        Predictions codes = level.aggregate(Predictions.fromScores(2, 5, scores, labels));
        int n20 = level.codeOf(1);
        int r91 = level.codeOf(3);
        int e87 = level.codeOf(4);
        assertEquals(930, codes.classes());
        assertEquals(0.7f, codes.score(0, n20));
        assertEquals(0.6f, codes.score(1, n20));
        assertEquals(0.8f, codes.score(1, r91));
        assertEquals(0.05f, codes.score(1, e87));
        assertTrue(!codes.label(0, n20) && codes.label(1, n20) && codes.label(1, r91) && !codes.label(0, r91));
        assertEquals(0f, codes.score(0, 3));
    }

    @Test
    void aDisorderWithoutACodeIsNamed() {
        LabelSet d = new LabelSet("d", List.of("Ureteric stone", "Made-up disorder"), 2, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IcdLevel.of(new LabelsOnly(d, Map.of()), IcdCodes.bundled()));
        assertTrue(e.getMessage().contains("'Made-up disorder'") && e.getMessage().contains("ICD_dict_1218.json"),
                e.getMessage());
    }

    @Test
    void theLevelSettingTakesDisordersOrIcd10() throws Exception {
        assertEquals(DISORDERS, Workbench.atLevel(null, data()).labels());
        assertEquals(930, Workbench.atLevel("icd10", data()).labels().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Workbench.atLevel("icd9", data()));
        assertTrue(e.getMessage().contains("level=icd9"), e.getMessage());
    }
}
