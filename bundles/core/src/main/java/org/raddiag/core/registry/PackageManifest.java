package org.raddiag.core.registry;

import java.util.Map;
import java.util.TreeMap;

/**
 * The content of {@code model.json}. {@code thresholds} holds the values whether they are inline or in
 * {@code thresholdsFile} (null when inline). {@code weightsSha256} is the lower-case hex SHA-256 of the weights file.
 */
public record PackageManifest(int formatVersion, String name, String version, Map<String, String> architecture,
        InputSpec input, String labelSetName, String labelsFile, int head, int medium, int tail,
        String thresholdsFile, double[] thresholds, Map<String, String> provenance, String weightsFile,
        String weightsSha256) {
    /** The package format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "model.json";
    public static final String WEIGHTS = "weights.safetensors";
    public static final String LABELS = "labels.txt";
    public static final String THRESHOLDS = "thresholds.txt";

    /** Whether {@code name} is one of the files the registry itself writes into every package. */
    public static boolean isStandardFile(String name) {
        return name.equals(MANIFEST) || name.equals(WEIGHTS) || name.equals(LABELS) || name.equals(THRESHOLDS);
    }

    public PackageManifest {
        architecture = java.util.Collections.unmodifiableMap(new TreeMap<>(architecture));
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
        thresholds = thresholds.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** {@code name:version}. */
    public String id() {
        return name + ":" + version;
    }
}
