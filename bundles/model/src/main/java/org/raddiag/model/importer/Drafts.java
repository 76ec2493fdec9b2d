package org.raddiag.model.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelDraft;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.support.files.ScratchFolders;

/** Hands in-memory weights to the registry, which writes, verifies and installs the package. */
final class Drafts {
    private Drafts() {
    }

    static ModelRef create(ModelRegistry registry, ModelRef ref, ArchitectureConfig arch, LabelSet labels,
            double[] thresholds, Map<String, String> provenance, StateDict weights) throws IOException {
        Path dir = ScratchFolders.create("raddiag-draft-");
        Path file = dir.resolve("weights.safetensors");
        try {
            SafetensorsFile.write(file, weights, Map.of("format", "pt"));
            return registry.create(new ModelDraft(ref, arch, labels, thresholds, provenance, file));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
