package org.raddiag.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.LabelSet.Split;

/**
 * Result of {@link ReferenceMetrics#evaluate}: per-class metrics, macro means over all classes and per frequency
 * split.
 *
 * @param fprTargets the R@FPR targets, in order
 * @param splits     the split boundaries used
 * @param perClass   one entry per class, in class order (skipped classes included)
 * @param all        macro means over all classes
 * @param bySplit    macro means per split (HEAD, MEDIUM, TAIL; empty splits have no valid class)
 */
public record ReferenceEvaluation(List<Double> fprTargets, ClassSplits splits, List<ClassMetrics> perClass,
                                  MacroMetrics all, Map<Split, MacroMetrics> bySplit) {
    public ReferenceEvaluation {
        fprTargets = List.copyOf(fprTargets);
        perClass = List.copyOf(perClass);
        bySplit = Collections.unmodifiableMap(new EnumMap<>(bySplit));
    }

    /** Indices of the classes that were not skipped. */
    public int[] validClasses() {
        return perClass.stream().filter(c -> !c.skipped()).mapToInt(ClassMetrics::classIndex).toArray();
    }
}
