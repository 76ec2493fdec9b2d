package org.raddiag.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.LabelSet.Split;

/** Result of {@link ValidationThresholds#apply}: per class, overall and per split. NOT reference semantics. */
public record ThresholdedEvaluation(List<ThresholdedClass> perClass, ThresholdedMacro all,
                                    Map<Split, ThresholdedMacro> bySplit) {
    public ThresholdedEvaluation {
        perClass = List.copyOf(perClass);
        bySplit = Collections.unmodifiableMap(new EnumMap<>(bySplit));
    }
}
