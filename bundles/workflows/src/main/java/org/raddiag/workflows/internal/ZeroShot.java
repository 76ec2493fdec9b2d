package org.raddiag.workflows.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.raddiag.api.data.LabelSet;
import org.raddiag.metrics.Predictions;

/**
 * Zero-shot scoring of an external label set through a mapping to the model's labels, as the reference's zero-shot
 * protocol maps each external class to model classes: the probability of an external label is the maximum of the
 * probabilities of the model labels it maps to. For {@code evaluate --zero-shot} the model's labels are the texts
 * given to a knowledge-head model. Mapped names missing from the model's label set are rejected when the mapping is
 * built, so typos do not silently score 0.
 */
final class ZeroShot {
    private final List<String> external;
    private final int[][] targets;

    /**
     * @param modelLabels the model's label set
     * @param mapping external label -> model label names (each list non-empty), in the external set's order
     */
    ZeroShot(LabelSet modelLabels, Map<String, List<String>> mapping) {
        external = new ArrayList<>(mapping.keySet());
        targets = new int[external.size()][];
        for (int i = 0; i < external.size(); i++) {
            List<String> names = mapping.get(external.get(i));
            if (names == null || names.isEmpty()) {
                throw new IllegalArgumentException("external label '" + external.get(i) + "' maps to no model label");
            }
            targets[i] = new int[names.size()];
            for (int j = 0; j < names.size(); j++) {
                OptionalInt k = modelLabels.indexOf(names.get(j));
                if (k.isEmpty()) {
                    throw new IllegalArgumentException("'" + external.get(i) + "' maps to '" + names.get(j)
                            + "', which is not a label of " + modelLabels.name());
                }
                targets[i][j] = k.getAsInt();
            }
        }
    }

    /** External labels in score order. */
    List<String> labels() {
        return List.copyOf(external);
    }

    /** External-label probabilities from the model's per-label probabilities (sigmoid of the logits). */
    float[] score(float[] modelProbabilities) {
        float[] out = new float[targets.length];
        for (int i = 0; i < targets.length; i++) {
            float m = Float.NEGATIVE_INFINITY;
            for (int k : targets[i]) {
                m = Math.max(m, modelProbabilities[k]);
            }
            out[i] = m;
        }
        return out;
    }

    /** {@link #score} from logits (the reference's sigmoid, {@link Predictions#sigmoid}). */
    float[] scoreLogits(float[] logits) {
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = Predictions.sigmoid(logits[i]);
        }
        return score(p);
    }

    /** Scores keyed by external label. */
    Map<String, Float> scoreByLabel(float[] modelProbabilities) {
        float[] s = score(modelProbabilities);
        Map<String, Float> m = new LinkedHashMap<>();
        for (int i = 0; i < s.length; i++) {
            m.put(external.get(i), s[i]);
        }
        return m;
    }
}
