package org.raddiag.api.model;

import java.nio.file.Path;
import java.util.Map;
import org.raddiag.api.data.LabelSet;

/**
 * A versioned model package: metadata, architecture, label set with per-class thresholds, and weights (safetensors)
 * whose SHA-256 the registry verified when loading.
 */
public interface ModelPackage {
    ModelRef ref();

    ArchitectureConfig architecture();

    LabelSet labels();

    /** Per-class decision thresholds, one per label. */
    double[] thresholds();

    /** Path of the verified weights file. */
    Path weights();

    /** Free-form provenance (source checkpoint, training run, date). */
    Map<String, String> provenance();
}
