package org.raddiag.api.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.raddiag.api.model.ArchitectureConfig;

/**
 * What a training run leaves behind, so that a workflow can evaluate and register it without knowing the trainer:
 * summary numbers (trainer-defined keys such as {@code steps}, {@code bestLoss}, {@code casesPerSec}), the best
 * weights (a reference-named safetensors state dict; empty when no epoch finished), the architecture they belong to,
 * and the newest complete checkpoint (what a resumed run continues from).
 */
public record TrainingOutcome(Map<String, Double> summary, Optional<Path> bestWeights,
        ArchitectureConfig architecture, Optional<Path> lastCheckpoint) {
    public TrainingOutcome {
        summary = Map.copyOf(summary);
    }
}
