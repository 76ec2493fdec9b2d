package org.raddiag.api.model;

import java.nio.file.Path;
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
public final class ModelDraft {
    private final ModelRef ref;
    private final ArchitectureConfig architecture;
    private final LabelSet labels;
    private final double[] thresholds;
    private final Map<String, String> provenance;
    private final Path weights;
    private final Map<String, Path> files;

    public ModelDraft(ModelRef ref, ArchitectureConfig architecture, LabelSet labels, double[] thresholds,
            Map<String, String> provenance, Path weights) {
        this(ref, architecture, labels, thresholds, provenance, weights, Map.of());
    }

    /** @param files file name in the package (a plain name, no folder) -> the file to copy there */
    public ModelDraft(ModelRef ref, ArchitectureConfig architecture, LabelSet labels, double[] thresholds,
            Map<String, String> provenance, Path weights, Map<String, Path> files) {
        this.ref = Objects.requireNonNull(ref, "ref");
        if (ref.version() == null) {
            throw new IllegalArgumentException("a new model needs a version: " + ref);
        }
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.thresholds = thresholds.clone();
        if (this.thresholds.length != labels.size()) {
            throw new IllegalArgumentException(this.thresholds.length + " thresholds for " + labels.size() + " labels");
        }
        this.provenance = new LinkedHashMap<>(provenance);
        this.weights = Objects.requireNonNull(weights, "weights");
        for (String name : files.keySet()) {
            if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new IllegalArgumentException("package file name '" + name + "' must be a plain file name");
            }
        }
        this.files = Map.copyOf(files);
    }

    public ModelRef ref() {
        return ref;
    }

    public ArchitectureConfig architecture() {
        return architecture;
    }

    public LabelSet labels() {
        return labels;
    }

    public double[] thresholds() {
        return thresholds.clone();
    }

    public Map<String, String> provenance() {
        return Map.copyOf(provenance);
    }

    public Path weights() {
        return weights;
    }

    /** Further files of the package by name (empty for most models). */
    public Map<String, Path> files() {
        return files;
    }
}
