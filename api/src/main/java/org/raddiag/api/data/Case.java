package org.raddiag.api.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A case: an identifier, its samples (study blocks, each a list of scans of one modality) and its labels (disorder
 * names or codes of a {@link LabelSet}; empty when unknown). The identifier is not a patient identifier.
 */
public final class Case {
    private final String id;
    private final List<Sample> samples;
    private final List<String> labels;

    public Case(String id, List<Sample> samples, List<String> labels) {
        this.id = Objects.requireNonNull(id, "id");
        this.samples = List.copyOf(samples);
        this.labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public String id() {
        return id;
    }

    public List<Sample> samples() {
        return samples;
    }

    public List<String> labels() {
        return labels;
    }

    /** All scans of all samples, in sample order. */
    public List<Scan> scans() {
        List<Scan> all = new ArrayList<>();
        for (Sample s : samples) {
            all.addAll(s.scans());
        }
        return all;
    }
}
