package org.raddiag.api.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An ordered list of class labels (disorder names or ICD-10-CM codes). Order is descending by training frequency,
 * so the head/medium/tail splits are index ranges: head is {@code [0, headEnd)}, medium {@code [headEnd, mediumEnd)},
 * tail the rest (reference defaults: disorders 85/470/rest, ICD-10 165/230/rest).
 */
public final class LabelSet {
    private final String name;
    private final List<String> labels;
    private final Map<String, Integer> index;
    private final int headEnd;
    private final int mediumEnd;

    public LabelSet(String name, List<String> labels, int headCount, int mediumCount) {
        this.name = Objects.requireNonNull(name, "name");
        this.labels = List.copyOf(labels);
        if (headCount < 0 || mediumCount < 0 || headCount + mediumCount > this.labels.size()) {
            throw new IllegalArgumentException("head " + headCount + " + medium " + mediumCount + " exceed "
                    + this.labels.size() + " labels");
        }
        this.headEnd = headCount;
        this.mediumEnd = headCount + mediumCount;
        this.index = new HashMap<>();
        for (int i = 0; i < this.labels.size(); i++) {
            if (index.put(this.labels.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate label '" + this.labels.get(i) + "' in " + name);
            }
        }
    }

    public String name() {
        return name;
    }

    public int size() {
        return labels.size();
    }

    public String label(int i) {
        return labels.get(i);
    }

    public List<String> labels() {
        return labels;
    }

    public OptionalInt indexOf(String label) {
        Integer i = index.get(label);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** The frequency split of class {@code i}. */
    public Split split(int i) {
        Objects.checkIndex(i, labels.size());
        return i < headEnd ? Split.HEAD : i < mediumEnd ? Split.MEDIUM : Split.TAIL;
    }

    public int headEnd() {
        return headEnd;
    }

    public int mediumEnd() {
        return mediumEnd;
    }

    /** Frequency split of a class. */
    public enum Split { HEAD, MEDIUM, TAIL }
}
