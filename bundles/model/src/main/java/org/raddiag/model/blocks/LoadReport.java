package org.raddiag.model.blocks;

import java.util.List;

/**
 * Outcome of loading a state dict into a block: block parameters filled, block parameters with no key
 * ({@code missing}), keys no parameter took ({@code unexpected}) and keys skipped as known-unused ({@code ignored}).
 */
public record LoadReport(List<String> loaded, List<String> missing, List<String> unexpected, List<String> ignored) {
    public LoadReport {
        loaded = List.copyOf(loaded);
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        ignored = List.copyOf(ignored);
    }

    /** True when nothing is missing and nothing unexpected. */
    public boolean isClean() {
        return missing.isEmpty() && unexpected.isEmpty();
    }

    @Override
    public String toString() {
        return "loaded " + loaded.size() + ", ignored " + ignored.size() + ", missing " + missing + ", unexpected "
                + unexpected;
    }
}
