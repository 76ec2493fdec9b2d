package org.raddiag.embedded;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;
import org.raddiag.core.registry.ModelPackageWriter;
import org.raddiag.core.registry.PackageSpec;
import org.raddiag.core.registry.VerifiedPackage;
import org.raddiag.model.assembly.PluginAssembler;
import org.raddiag.model.blocks.ReferenceBlock;
import org.raddiag.model.importer.Architectures;

/**
 * Model packages with seeded random weights outside OSGi, as {@code raddiag init-model} makes them (same assembly,
 * same initialisers, labels {@code finding-<i>}, thresholds 0.5): for benchmarks and tests of batch jobs on
 * machines without the runtime. Needs the PyTorch engine (its natives load on first use).
 */
public final class EmbeddedModels {
    private EmbeddedModels() {
    }

    /**
     * Writes the package {@code name}:{@code version} of architecture {@code arch} (a built-in name such as
     * {@code demo-small}, or a JSON file) into {@code folder}, which must not exist yet.
     */
    public static VerifiedPackage initialize(String arch, String name, String version, long seed, Path folder)
            throws IOException {
        ArchitectureConfig a = Architectures.resolve(arch);
        int classes = a.getInt(ArchitectureConfig.CLASSES);
        StateDict weights = new StateDict();
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager manager = engine.newBaseManager()) {
            engine.setRandomSeed((int) seed);
            ReferenceBlock net = PluginAssembler.fromServiceLoader(EmbeddedModels.class.getClassLoader())
                    .assemble(a, 0).initialize(manager);
            for (Map.Entry<String, Parameter> e : net.referenceParameters().entrySet()) {
                NDArray p = e.getValue().getArray();
                weights.put(e.getKey(), TensorData.ofFloats(p.toFloatArray(), p.getShape().getShape()));
            }
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            labels.add("finding-" + i);
        }
        double[] thresholds = new double[classes];
        Arrays.fill(thresholds, 0.5);
        PackageSpec spec = new PackageSpec(name, version, a, PackageSpec.inputOf(a),
                new LabelSet("findings", labels, classes, 0), thresholds,
                Map.of("source", "EmbeddedModels.initialize: random initialisation (reference initialisers), seed "
                        + seed));
        return ModelPackageWriter.writeFolder(folder, spec, weights);
    }
}
