package org.raddiag.api.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.raddiag.api.data.LabelSet;

/**
 * The parts of a model package that does not exist yet: the registry writes, verifies and installs it
 * ({@link ModelRegistry#create}). Weights are a safetensors file with the network's reference key names. Further
 * files that components read relative to the package (e.g. the knowledge head's label embeddings) travel with it
 * under the given names.
 */
public record ModelDraft(ModelRef ref, ArchitectureConfig architecture, LabelSet labels, double[] thresholds,
        Map<String, String> provenance, Path weights, Map<String, Path> files) {
    public ModelDraft(ModelRef ref, ArchitectureConfig architecture, LabelSet labels, double[] thresholds,
            Map<String, String> provenance, Path weights) {
        this(ref, architecture, labels, thresholds, provenance, weights, Map.of());
    }

    /** @param files further files of the package: file name in it (a plain name, no folder) -> the file to copy */
    public ModelDraft {
        Objects.requireNonNull(ref, "ref");
        if (ref.version() == null) {
            throw new IllegalArgumentException("a new model needs a version: " + ref);
        }
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(labels, "labels");
        thresholds = thresholds.clone();
        if (thresholds.length != labels.size()) {
            throw new IllegalArgumentException(thresholds.length + " thresholds for " + labels.size() + " labels");
        }
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        Objects.requireNonNull(weights, "weights");
        for (String name : files.keySet()) {
            if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new IllegalArgumentException("package file name '" + name + "' must be a plain file name");
            }
        }
        files = Map.copyOf(files);
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }
}
