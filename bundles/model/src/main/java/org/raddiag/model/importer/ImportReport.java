package org.raddiag.model.importer;

import java.util.List;

/**
 * What an import found: keys loaded into the network, keys ignored as known-unused, network parameters the
 * checkpoint lacks ({@code missing}), checkpoint keys no parameter takes ({@code unexpected}), shape mismatches,
 * element counts of the package weights (all, and trainable ones without BatchNorm running statistics), whether a
 * DataParallel {@code module.} prefix was stripped, and the source format.
 */
public record ImportReport(List<String> loaded, List<String> ignored, List<String> missing, List<String> unexpected,
        List<String> shapeMismatches, long elements, long trainable, boolean prefixStripped, String sourceFormat) {
    public ImportReport {
        loaded = List.copyOf(loaded);
        ignored = List.copyOf(ignored);
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        shapeMismatches = List.copyOf(shapeMismatches);
    }

    /** Nothing missing, nothing unexpected, no shape mismatch. */
    public boolean isClean() {
        return missing.isEmpty() && unexpected.isEmpty() && shapeMismatches.isEmpty();
    }
}
