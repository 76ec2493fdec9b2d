package org.raddiag.api.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A case: an identifier, its samples (study blocks, each a list of scans of one modality) and its labels (disorder
 * names or codes of a {@link LabelSet}; empty when unknown). The identifier is not a patient identifier.
 */
public record Case(String id, List<Sample> samples, List<String> labels) {
    public Case {
        Objects.requireNonNull(id, "id");
        samples = List.copyOf(samples);
        labels = labels == null ? List.of() : List.copyOf(labels);
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
