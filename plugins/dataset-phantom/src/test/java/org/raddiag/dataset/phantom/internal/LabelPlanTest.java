package org.raddiag.dataset.phantom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.train.DatasetSource.Split;

/** Label frequencies of the demo spec are long-tailed, every split has every head class, scans show every label. */
class LabelPlanTest {
    private final PhantomSpec spec = PhantomSpec.defaults();
    private final LabelSet labels = Generator.labels(spec);
    private final Map<Split, List<CasePlan>> plans = Generator.plan(spec);

    private int[] counts(Split s) {
        int[] c = new int[labels.size()];
        for (CasePlan p : plans.get(s)) {
            assertTrue(p.labels.size() >= 1 && p.labels.size() <= spec.maxLabelsPerCase());
            for (String l : p.labels) {
                c[labels.indexOf(l).getAsInt()]++;
            }
        }
        return c;
    }

    @Test
    void frequenciesAreLongTailed() {
        int[] train = counts(Split.TRAIN);
        assertTrue(train[0] >= train[1], "Normal is the most frequent class");
        for (int i = 2; i < train.length; i++) {
            assertTrue(train[i] <= train[i - 1], "class " + i + " more frequent than " + (i - 1));
        }
        double head = 0;
        double tail = 0;
        for (int i = 0; i < labels.headEnd(); i++) {
            head += train[i];
        }
        for (int i = labels.mediumEnd(); i < labels.size(); i++) {
            tail += train[i];
        }
        assertTrue(head / labels.headEnd() > 8 * tail / (labels.size() - labels.mediumEnd()),
                "head mean " + head / labels.headEnd() + ", tail mean " + tail / (labels.size() - labels.mediumEnd()));
        assertTrue(train[labels.size() - 1] >= 3, "rarest class still has training positives");
    }

    @Test
    void everySplitHasEveryHeadClassAndEveryClass() {
        for (Split s : Split.values()) {
            int[] c = counts(s);
            for (int i = 0; i < labels.size(); i++) {
                assertTrue(c[i] >= (i < labels.headEnd() ? 5 : 1), s + " has " + c[i] + " of " + labels.label(i));
            }
        }
    }

    @Test
    void everyLabelIsVisibleInSomeSampleAndSamplesAreDistinct() {
        for (List<CasePlan> ps : plans.values()) {
            for (CasePlan p : ps) {
                assertTrue(p.samples.size() >= 1 && p.samples.size() <= 3);
                assertEquals(p.samples.size(), p.samples.stream().map(s -> s.modality).distinct().count());
                for (Finding f : p.findings) {
                    assertTrue(p.samples.stream().anyMatch(s -> f.disorder.visibleIn(s.modality)),
                            p.id + ": " + f.disorder + " not visible");
                }
                assertEquals(p.labels.equals(List.of(Catalogue.NORMAL)), p.findings.isEmpty());
            }
        }
    }
}
