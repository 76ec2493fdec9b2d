package org.raddiag.metrics;

import org.raddiag.api.data.LabelSet;
import org.raddiag.api.data.LabelSet.Split;

/**
 * Head/medium/tail boundaries as class-index ranges: head {@code [0, headEnd)}, medium {@code [headEnd, mediumEnd)},
 * tail {@code [mediumEnd, classes)}. Ranges are clipped to the number of classes evaluated.
 *
 * @param headEnd   first index after the head
 * @param mediumEnd first index after the medium split
 */
public record ClassSplits(int headEnd, int mediumEnd) {
    /** Reference disorder (article) splits: head 0-84, medium 85-554, tail 555-. */
    public static final ClassSplits DISORDERS = of(85, 470);
    /** Reference ICD-10-CM splits: head 0-164, medium 165-394, tail 395-. */
    public static final ClassSplits ICD10 = of(165, 230);

    public ClassSplits {
        if (headEnd < 0 || mediumEnd < headEnd) {
            throw new IllegalArgumentException("bad split boundaries " + headEnd + ", " + mediumEnd);
        }
    }

    /** Boundaries from class counts. */
    public static ClassSplits of(int headCount, int mediumCount) {
        return new ClassSplits(headCount, headCount + mediumCount);
    }

    /** Boundaries of a label dictionary. */
    public static ClassSplits of(LabelSet labels) {
        return new ClassSplits(labels.headEnd(), labels.mediumEnd());
    }

    /** The split of class {@code i}. */
    public Split split(int i) {
        return i < headEnd ? Split.HEAD : i < mediumEnd ? Split.MEDIUM : Split.TAIL;
    }

    /** {@code [from, to)} of a split among {@code classes} classes (empty when the split lies beyond them). */
    public int[] range(Split split, int classes) {
        int from = switch (split) {
            case HEAD -> 0;
            case MEDIUM -> headEnd;
            case TAIL -> mediumEnd;
        };
        int to = switch (split) {
            case HEAD -> headEnd;
            case MEDIUM -> mediumEnd;
            case TAIL -> classes;
        };
        return new int[] {Math.min(from, classes), Math.min(Math.max(from, to), classes)};
    }
}
