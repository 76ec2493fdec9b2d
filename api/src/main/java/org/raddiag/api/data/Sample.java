package org.raddiag.api.data;

import java.util.List;
import java.util.Objects;

/**
 * A study block of a case: the scans of one modality that the reference loader normalises together (its
 * "sample"). The reference min-max normalisation runs over all scans of a sample at once.
 */
public final class Sample {
    private final Modality modality;
    private final List<Scan> scans;

    public Sample(Modality modality, List<Scan> scans) {
        this.modality = Objects.requireNonNull(modality, "modality");
        this.scans = List.copyOf(scans);
        if (this.scans.isEmpty()) {
            throw new IllegalArgumentException("a sample needs at least one scan");
        }
    }

    public Modality modality() {
        return modality;
    }

    public List<Scan> scans() {
        return scans;
    }
}
