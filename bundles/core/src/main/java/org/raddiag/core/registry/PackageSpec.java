package org.raddiag.core.registry;

import java.util.Map;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;

/**
 * What {@link ModelPackageWriter} needs besides the weights. {@code thresholds} has one value per label;
 * {@code provenance} says where the weights came from (source file, training run, date, notes).
 */
public record PackageSpec(String name, String version, ArchitectureConfig architecture, InputSpec input,
        LabelSet labels, double[] thresholds, Map<String, String> provenance) {
    public PackageSpec {
        thresholds = thresholds.clone();
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** The input spec implied by the architecture's {@code image_size}, {@code depth} and {@code slots}, values in [0, 1]. */
    public static InputSpec inputOf(ArchitectureConfig a) {
        return new InputSpec(a.getInt(ArchitectureConfig.IMAGE_SIZE), a.getInt(ArchitectureConfig.DEPTH),
                a.getInt(ArchitectureConfig.SLOTS), 0, 1);
    }
}
