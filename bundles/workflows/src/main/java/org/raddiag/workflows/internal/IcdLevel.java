package org.raddiag.workflows.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.api.train.DatasetSource.Split;
import org.raddiag.metrics.Predictions;

/**
 * The ICD-10 level of a disorder-level dataset: its disorder labels mapped to three-character ICD-10 codes
 * ({@link IcdCodes}), a label set of all the map's codes ordered by training-split frequency (descending, ties by
 * code), and the head/medium/tail split taken from the training-split code counts: a code is head when it has at
 * least as many training cases as the rarest head disorder of the dataset, medium when it has as many as the rarest
 * medium disorder, else tail. The label {@code Normal} (no disorder) has no code: a case with only that label is
 * negative for every code. Any other disorder without a code is an error, named.
 */
final class IcdLevel {
    /** The training setting ({@code train --set level=icd10}) and the values it takes. */
    static final String SETTING = "level";
    static final String DISORDERS = "disorders";
    static final String ICD10 = "icd10";
    private static final String NORMAL = "Normal";

    private final LabelSet disorders;
    private final LabelSet codes;
    private final int[] codeOf;
    private final int[] codeCounts;

    private IcdLevel(LabelSet disorders, LabelSet codes, int[] codeOf, int[] codeCounts) {
        this.disorders = disorders;
        this.codes = codes;
        this.codeOf = codeOf;
        this.codeCounts = codeCounts;
    }

    /**
     * The level of {@code data}, counting the codes of its training cases.
     *
     * @throws IllegalArgumentException naming a disorder label without a code
     */
    static IcdLevel of(DatasetSource data, IcdCodes map) throws IOException {
        LabelSet d = data.labels();
        String[] codeName = new String[d.size()];
        for (int i = 0; i < d.size(); i++) {
            String label = d.label(i);
            if (!label.equals(NORMAL)) {
                codeName[i] = map.code(label).orElseThrow(() -> new IllegalArgumentException("label '" + label
                        + "' of dataset " + data.name() + " has no ICD-10 code in " + IcdCodes.UPSTREAM
                        + " (nor in the workflows' supplement), so the dataset cannot be trained or evaluated at"
                        + " level=icd10"));
            }
        }
        List<String> all = map.codes();
        Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            position.put(all.get(i), i);
        }
        int[] byCode = new int[all.size()];
        int[] byDisorder = new int[d.size()];
        for (String id : data.caseIds(Split.TRAIN)) {
            Set<Integer> seen = new LinkedHashSet<>();
            for (String l : data.load(id).labels()) {
                OptionalInt k = d.indexOf(l);
                if (k.isPresent()) {
                    byDisorder[k.getAsInt()]++;
                    if (codeName[k.getAsInt()] != null) {
                        seen.add(position.get(codeName[k.getAsInt()]));
                    }
                }
            }
            seen.forEach(c -> byCode[c]++);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> -byCode[i]).thenComparing(all::get));
        List<String> names = new ArrayList<>();
        int[] counts = new int[all.size()];
        for (int r = 0; r < order.size(); r++) {
            names.add(all.get(order.get(r)));
            counts[r] = byCode[order.get(r)];
        }
        int headMin = minCount(byDisorder, 0, d.headEnd());
        int mediumMin = minCount(byDisorder, d.headEnd(), d.mediumEnd());
        int head = 0;
        while (head < counts.length && counts[head] > 0 && counts[head] >= headMin) {
            head++;
        }
        int mediumEnd = head;
        while (mediumEnd < counts.length && counts[mediumEnd] > 0 && counts[mediumEnd] >= mediumMin) {
            mediumEnd++;
        }
        LabelSet codes = new LabelSet("icd10", names, head, mediumEnd - head);
        int[] codeOf = new int[d.size()];
        for (int i = 0; i < d.size(); i++) {
            codeOf[i] = codeName[i] == null ? -1 : codes.indexOf(codeName[i]).getAsInt();
        }
        return new IcdLevel(d, codes, codeOf, counts);
    }

    /** The rarest count among classes {@code [from, to)}; unreachable when the range is empty. */
    private static int minCount(int[] counts, int from, int to) {
        int m = Integer.MAX_VALUE;
        for (int i = from; i < to; i++) {
            m = Math.min(m, counts[i]);
        }
        return m;
    }

    /** The code label set. */
    LabelSet codes() {
        return codes;
    }

    /** Training cases per code, in the order of {@link #codes()}. */
    int[] trainingCounts() {
        return codeCounts.clone();
    }

    /** The code class of disorder class {@code i}, or -1 for {@code Normal}. */
    int codeOf(int disorder) {
        return codeOf[disorder];
    }

    /** The dataset with the codes as its labels: the same cases, each labelled with its disorders' codes. */
    DatasetSource dataset(DatasetSource data) {
        return new Relabelled(data, data.name() + " (icd10)", codes, c -> {
            Set<String> mapped = new LinkedHashSet<>();
            for (String l : c.labels()) {
                OptionalInt k = disorders.indexOf(l);
                if (k.isPresent() && codeOf[k.getAsInt()] >= 0) {
                    mapped.add(codes.label(codeOf[k.getAsInt()]));
                }
            }
            return new Case(c.id(), c.samples(), new ArrayList<>(mapped));
        });
    }

    /**
     * Disorder-level predictions as code-level ones: a code's score is the maximum score of its disorders (0 for a
     * code none of them has), its label whether any of them is labelled.
     */
    Predictions aggregate(Predictions p) {
        if (p.classes() != disorders.size()) {
            throw new IllegalArgumentException("predictions have " + p.classes() + " classes, the dataset has "
                    + disorders.size() + " disorder labels");
        }
        int n = p.cases();
        int k = codes.size();
        float[] scores = new float[n * k];
        float[] labels = new float[n * k];
        for (int c = 0; c < n; c++) {
            for (int d = 0; d < codeOf.length; d++) {
                int code = codeOf[d];
                if (code >= 0) {
                    scores[c * k + code] = Math.max(scores[c * k + code], p.score(c, d));
                    if (p.label(c, d)) {
                        labels[c * k + code] = 1;
                    }
                }
            }
        }
        return Predictions.fromScores(n, k, scores, labels);
    }
}
