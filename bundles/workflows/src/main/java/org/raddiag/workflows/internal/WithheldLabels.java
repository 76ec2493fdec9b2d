package org.raddiag.workflows.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.train.DatasetSource;

/**
 * A dataset seen without some of its labels ({@code train --set withhold=LABEL;LABEL}): the label set lacks them
 * (the head/medium/tail counts shrink accordingly), the cases stay, so a case labelled only with withheld labels
 * trains as a case without findings. The model never sees those labels, which zero-shot evaluation then asks for
 * by name.
 */
final class WithheldLabels {
    private WithheldLabels() {
    }

    /**
     * {@code data} without the labels in {@code spec} ({@code ;}-separated names).
     *
     * @throws IllegalArgumentException for a name that is not a label of the dataset (listing them), or when no
     *                                  label would remain
     */
    static DatasetSource of(DatasetSource data, String spec) {
        LabelSet all = data.labels();
        Set<String> withheld = new LinkedHashSet<>();
        for (String s : spec.split(";", -1)) {
            String name = s.strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("withhold: empty label name in '" + spec + "' (names separated by"
                        + " ;)");
            }
            if (all.indexOf(name).isEmpty()) {
                throw new IllegalArgumentException("withhold: '" + name + "' is not a label of " + data.name()
                        + " (labels: " + all.labels() + ")");
            }
            withheld.add(name);
        }
        List<String> kept = new ArrayList<>();
        int head = 0;
        int medium = 0;
        for (int i = 0; i < all.size(); i++) {
            if (!withheld.contains(all.label(i))) {
                kept.add(all.label(i));
                head += all.split(i) == LabelSet.Split.HEAD ? 1 : 0;
                medium += all.split(i) == LabelSet.Split.MEDIUM ? 1 : 0;
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("withhold: no label of " + data.name() + " would remain");
        }
        return new Relabelled(data, data.name(), new LabelSet(all.name(), kept, head, medium), UnaryOperator.identity());
    }
}
