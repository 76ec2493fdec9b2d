package org.raddiag.trainer;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.raddiag.api.model.ArchitectureConfig;

/**
 * Outcome of a run: summary numbers (keys in {@link DjlTraining}), the best weights by validation loss (a
 * reference-named safetensors state dict; absent when no epoch finished), the architecture they belong to and the
 * last checkpoint folder.
 */
public record TrainingResult(Map<String, Double> summary, Optional<Path> bestWeights, ArchitectureConfig architecture,
        Optional<Path> lastCheckpoint) {
    public TrainingResult {
        summary = Map.copyOf(summary);
    }
}
