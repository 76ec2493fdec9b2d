package org.raddiag.trainer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.FloatTensor;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.train.DatasetSource;

/**
 * Random-valued cases of any size for timing training ({@code bench-train}): every slot full, every slice valid, one
 * label per case; the training split only. Only {@code distinct} inputs are held (case i gets input i mod distinct),
 * so the benchmark's own data stays a batch or so, whatever the number of steps: the anchors reuse one batch tensor
 * too, and holding every step's cases (124 MB of Java heap for 60 demo steps) would count against the platform's RSS.
 */
public final class SyntheticCases implements DatasetSource {
    private final LabelSet labels;
    private final List<String> ids = new ArrayList<>();
    private final List<ModelInput> inputs = new ArrayList<>();

    /** {@code cases} cases over {@code distinct} (at least 1) random inputs of {@code slots x depth x size x size}. */
    public SyntheticCases(int classes, int cases, int distinct, int size, int depth, int slots) {
        if (distinct < 1) {
            throw new IllegalArgumentException("synthetic cases need at least one distinct input, not " + distinct);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add("c" + i);
        }
        labels = new LabelSet("bench", names, 0, 0);
        Random r = new Random(1);
        for (int i = 0; i < Math.min(cases, distinct); i++) {
            float[] img = new float[slots * size * size * depth];
            for (int k = 0; k < img.length; k++) {
                img[k] = r.nextFloat();
            }
            long[] mods = new long[slots];
            long[] marks = new long[slots * depth];
            long[] keys = new long[slots];
            java.util.Arrays.fill(mods, 1);
            java.util.Arrays.fill(marks, 1);
            java.util.Arrays.fill(keys, depth / 2);
            inputs.add(new ModelInput(new FloatTensor(img, 1, slots, 1, size, size, depth), mods, marks, keys));
        }
        for (int i = 0; i < cases; i++) {
            ids.add("bench" + i);
        }
    }

    public Function<Case, ModelInput> tensorizer() {
        return c -> inputs.get(number(c.id()) % inputs.size());
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public LabelSet labels() {
        return labels;
    }

    @Override
    public List<String> caseIds(Split split) {
        return split == Split.TRAIN ? ids : List.of();
    }

    @Override
    public Case load(String caseId) {
        int i = number(caseId);
        return new Case(caseId, List.of(), List.of(labels.label(i % labels.size())));
    }

    /** The case's number, from its id {@code bench<i>}. */
    private static int number(String caseId) {
        return Integer.parseInt(caseId.substring("bench".length()));
    }
}
