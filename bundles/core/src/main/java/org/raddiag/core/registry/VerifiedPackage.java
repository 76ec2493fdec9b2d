package org.raddiag.core.registry;

import java.nio.file.Path;
import java.util.Map;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;

/** A package folder that {@link ModelPackageReader} verified, with its parsed manifest. */
public record VerifiedPackage(Path folder, PackageManifest manifest, LabelSet labels) implements ModelPackage {
    @Override
    public ModelRef ref() {
        return new ModelRef(manifest.name(), manifest.version());
    }

    @Override
    public ArchitectureConfig architecture() {
        return new ArchitectureConfig(manifest.architecture());
    }

    @Override
    public double[] thresholds() {
        return manifest.thresholds();
    }

    @Override
    public Path weights() {
        return folder.resolve(manifest.weightsFile());
    }

    @Override
    public Map<String, String> provenance() {
        return manifest.provenance();
    }
}
