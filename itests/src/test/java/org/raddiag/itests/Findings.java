package org.raddiag.itests;

import java.util.Map;
import java.util.TreeMap;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Finding;

/** The probabilities of a diagnosis by label, to compare backends or runs. */
final class Findings {
    private Findings() {
    }

    static Map<String, Double> probabilities(Diagnosis d) {
        Map<String, Double> m = new TreeMap<>();
        for (Finding f : d.findings()) {
            m.put(f.label(), f.probability());
        }
        return m;
    }

    /** Largest absolute difference over the labels of {@code a} (each must be in {@code b}). */
    static double maxDifference(Map<String, Double> a, Map<String, Double> b) {
        double diff = 0;
        for (String k : a.keySet()) {
            diff = Math.max(diff, Math.abs(a.get(k) - b.get(k)));
        }
        return diff;
    }
}
