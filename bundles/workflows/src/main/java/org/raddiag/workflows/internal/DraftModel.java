package org.raddiag.workflows.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;

/** Freshly trained weights seen as a model package, so a runner can load them before they are registered. */
record DraftModel(ModelRef ref, ArchitectureConfig architecture, LabelSet labels, double[] thresholds, Path weights,
        Map<String, String> provenance) implements ModelPackage {

    static DraftModel of(String name, ArchitectureConfig arch, LabelSet labels, Path weights) {
        double[] t = new double[labels.size()];
        Arrays.fill(t, 0.5);
        return new DraftModel(new ModelRef(name, "0.0.0-draft"), arch, labels, t, weights, Map.of());
    }
}
