package org.raddiag.model.importer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.cli.Command;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelRef;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;
import org.raddiag.model.assembly.NetworkAssembler;
import org.raddiag.model.blocks.ReferenceBlock;
import org.raddiag.support.home.RaddiagHome;

/**
 * {@code init-model --arch ARCH --name NAME[:VERSION] [--labels FILE] [--seed N] [--bins H,M]}: a model package
 * with freshly initialised (random, seeded) weights, e.g. for benchmarks on the full-size architecture or as the
 * start of training. Labels default to the RP3D disorders for {@code reference-*} architectures and to
 * {@code finding-<i>} otherwise.
 */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "init-model"})
public final class InitModelCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("init-model",
            "A model package with seeded random weights (benchmarks, start of training).")
            .required("arch", "ARCH", "architecture: reference-default, reference-late, demo-small or a JSON file")
            .required("name", "NAME[:VERSION]", "package name (version default 1.0.0)")
            .option("labels", "FILE", "labels, one a line (default: the RP3D disorders for reference-*, else"
                    + " finding-<i>)")
            .option("seed", "N", "seed of the initial weights", "0")
            .option("bins", "HEAD,MEDIUM", "head and medium class counts of the label set")
            .build();

    @Reference
    private PackageMaking making;

    public InitModelCommand() {
        super(SYNTAX, "a model package with seeded random weights");
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        String archName = a.required("arch");
        ModelRef ref = a.modelRef("name", "1.0.0");
        ArchitectureConfig arch = Architectures.resolve(archName);
        int classes = arch.getInt(ArchitectureConfig.CLASSES);
        List<String> labels = labels(a.value("labels"), arch, classes);
        int[] bins = a.has("bins") ? ImportArgs.bins(a) : ImportCommand.defaultBins(classes);
        long seed = a.longValue("seed", 0);
        long t0 = System.nanoTime();
        StateDict weights;
        making.awaitPyTorch();
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            Engine.getEngine("PyTorch").setRandomSeed((int) seed);
            ReferenceBlock net = making.assembler().assemble(arch, NetworkAssembler.DEFAULT_WAIT_MILLIS)
                    .initialize(manager);
            weights = stateDict(net);
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("source", "init-model: random initialisation (reference initialisers), seed " + seed);
        provenance.put("thresholds", "0.5 for every class (default, not calibrated)");
        provenance.put("created", java.time.Instant.now().toString());
        String setName = a.has("labels") ? "custom" : classes == 5569 ? "rp3d-disorders" : "findings";
        ModelRef installed = making.install(ref, arch, ImportCommand.labelSet(setName, labels, bins),
                ImportCommand.thresholds(classes), provenance, weights);
        out.printf("created %s (%s, %d tensors, seed %d) in %.1f s%n", installed, archName, weights.size(), seed,
                (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private static StateDict stateDict(ReferenceBlock net) {
        StateDict sd = new StateDict();
        for (Map.Entry<String, Parameter> e : net.referenceParameters().entrySet()) {
            NDArray a = e.getValue().getArray();
            sd.put(e.getKey(), TensorData.ofFloats(a.toFloatArray(), a.getShape().getShape()));
        }
        return sd;
    }

    private static List<String> labels(String labelsFile, ArchitectureConfig arch, int classes) throws IOException {
        List<String> labels;
        if (labelsFile != null) {
            labels = LabelsFile.read(Paths.get(labelsFile));
        } else if (classes == 5569 && RaddiagHome.distribution().map(d -> d.resolve(ImportCommand.RP3D_LABELS))
                .filter(Files::isRegularFile).isPresent()) {
            labels = LabelsFile.read(RaddiagHome.distribution().get().resolve(ImportCommand.RP3D_LABELS));
        } else {
            labels = new ArrayList<>();
            for (int i = 0; i < classes; i++) {
                labels.add("finding-" + i);
            }
        }
        if (labels.size() != classes) {
            throw new IOException("the labels have " + labels.size() + " entries, the architecture " + classes + " classes");
        }
        return labels;
    }
}
