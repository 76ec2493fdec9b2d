package org.raddiag.model.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.cli.Command;
import org.raddiag.support.cli.UsageException;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.support.home.RaddiagHome;
import org.raddiag.model.assembly.NetworkAssembler;

/**
 * {@code import SRC --arch ARCH --name NAME[:VERSION] [--labels FILE] [--bins HEAD,MEDIUM] [--non-strict]}: imports a
 * PyTorch checkpoint into the model registry (see {@link CheckpointImporter}). Strict by default: a missing or
 * unexpected key exits 1 with the lists; a shape mismatch always does. Without {@code --labels} the
 * {@code reference-*} architectures use {@code data/rp3d-demo/disorder_label_dict.json} shipped in the distribution folder ({@code raddiag.dist}). Thresholds
 * are 0.5 per class (recorded in the provenance). Registered before the engines start (so --help needs none); it waits for the PyTorch engine when it builds the network.
 */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "import"})
public final class ImportCommand extends SyntaxCommand {
    /** Where the reference disorder labels are, relative to the distribution (and the home), for tests and tools. */
    public static final String RP3D_LABELS = "data/rp3d-demo/disorder_label_dict.json";
    private static final double DEFAULT_THRESHOLD = 0.5;
    private static final String SUMMARY = "import a PyTorch checkpoint as a model package";

    @Reference
    private PackageMaking making;

    private final Path dist;

    /** For DS: the distribution folder from {@code raddiag.dist}. */
    public ImportCommand() {
        super(ImportArgs.SYNTAX, SUMMARY);
        this.dist = RaddiagHome.distribution().orElse(null);
    }

    /** Outside OSGi (tests): {@code dist}, the distribution folder, may be null. */
    public ImportCommand(ModelRegistry registry, NetworkAssembler assembler, Path dist) {
        super(ImportArgs.SYNTAX, SUMMARY);
        this.making = new PackageMaking(registry, assembler);
        this.dist = dist;
    }

    @Override
    protected int run(ParsedArgs parsed, PrintStream out, PrintStream err) {
        ImportArgs a = ImportArgs.of(parsed);
        try {
            return runImport(a, a.name(), out, err);
        } catch (IOException | IllegalArgumentException e) {
            err.println("import: " + e.getMessage());
            return 1;
        }
    }

    private int runImport(ImportArgs a, ModelRef ref, PrintStream out, PrintStream err) throws IOException {
        long t0 = System.nanoTime();
        Path source = Paths.get(a.source()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new IOException("checkpoint " + source + " does not exist");
        }
        ArchitectureConfig arch = Architectures.resolve(a.arch());
        int classes = arch.getInt(ArchitectureConfig.CLASSES);
        Path labelsFile = labelsFile(a);
        List<String> labels = LabelsFile.read(labelsFile);
        if (labels.size() != classes) {
            throw new IOException(labelsFile + " has " + labels.size() + " labels but architecture " + a.arch()
                    + " has " + classes + " classes");
        }
        int[] bins = a.bins() != null ? a.bins() : defaultBins(classes);

        String format = CheckpointImporter.formatOf(source);
        StateDict sd = CheckpointImporter.read(source);
        long t1 = System.nanoTime();
        making.awaitPyTorch();
        CheckpointImporter.Result r = CheckpointImporter.load(sd, format, arch, a.strict(), making.assembler());
        long t2 = System.nanoTime();
        ImportReport rep = r.report();
        if (r.weights() == null) {
            refuse(rep, source, a, err);
            return 1;
        }
        Map<String, String> provenance = provenance(source, format, a, labelsFile, rep);
        long t3 = System.nanoTime();
        ModelRef installed = making.install(ref, arch, labelSet(labelSetName(a, labelsFile), labels, bins),
                thresholds(classes), provenance, r.weights());
        long t4 = System.nanoTime();
        Path location = making.folder(installed);
        out.println("imported " + installed + " from " + source + " (" + format
                + (rep.prefixStripped() ? ", 'module.' prefix stripped" : "") + ")");
        out.println("  keys: " + rep.loaded().size() + " loaded, " + rep.ignored().size() + " ignored (known unused), "
                + rep.missing().size() + " missing, " + rep.unexpected().size() + " unexpected");
        if (!rep.isClean()) {
            out.println("  missing: " + rep.missing());
            out.println("  unexpected: " + rep.unexpected());
        }
        out.printf("  parameters: %,d trainable, %,d elements with BatchNorm statistics%n", rep.trainable(),
                rep.elements());
        out.printf("  time: read %.1f s, build+verify %.1f s, package %.1f s, install %.1f s, total %.1f s%n",
                sec(t0, t1), sec(t1, t2), sec(t2, t3), sec(t3, t4), sec(t0, t4));
        out.println("  package: " + location);
        return 0;
    }

    private static void refuse(ImportReport rep, Path source, ImportArgs a, PrintStream err) {
        if (!rep.shapeMismatches().isEmpty()) {
            err.println("import: " + source + " does not fit architecture " + a.arch() + ": "
                    + rep.shapeMismatches().size() + " shape mismatch(es):");
            rep.shapeMismatches().forEach(m -> err.println("  " + m));
            return;
        }
        err.println("import: " + source + " does not fit architecture " + a.arch() + " (strict):");
        err.println("  missing (" + rep.missing().size() + "): " + rep.missing());
        err.println("  unexpected (" + rep.unexpected().size() + "): " + rep.unexpected());
        err.println("  (" + rep.ignored().size() + " known-unused keys were ignored; --non-strict imports anyway)");
    }

    private Path labelsFile(ImportArgs a) throws IOException {
        if (a.labels() != null) {
            Path p = Paths.get(a.labels());
            if (!Files.isRegularFile(p)) {
                throw new IOException("labels file " + p.toAbsolutePath() + " does not exist");
            }
            return p;
        }
        if (!Architectures.usesRp3dDisorders(a.arch())) {
            throw new IOException("--labels FILE is required for architecture " + a.arch()
                    + " (JSON {label: index} or one label per line)");
        }
        if (dist == null) {
            throw new IOException("no --labels given and raddiag.dist (the distribution folder) is not set, so "
                    + RP3D_LABELS + " cannot be found");
        }
        Path p = dist.resolve(RP3D_LABELS);
        if (!Files.isRegularFile(p)) {
            throw new IOException("no --labels given and the RP3D disorder labels are not installed at " + p);
        }
        return p;
    }

    private static String labelSetName(ImportArgs a, Path labelsFile) {
        if (a.labels() == null) {
            return "rp3d-disorders";
        }
        String n = labelsFile.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** The reference splits for the RP3D label sets (disorders 85/470, ICD-10 165/230); else all classes head. */
    /** The label set with head/medium bins; whatever is left is tail. */
    static LabelSet labelSet(String name, List<String> labels, int[] bins) {
        return new LabelSet(name, labels, bins[0], bins[1]);
    }

    static int[] defaultBins(int classes) {
        return classes == 5569 ? new int[] {85, 470} : classes == 931 ? new int[] {165, 230} : new int[] {classes, 0};
    }

    static double[] thresholds(int classes) {
        double[] t = new double[classes];
        Arrays.fill(t, DEFAULT_THRESHOLD);
        return t;
    }

    private static Map<String, String> provenance(Path source, String format, ImportArgs a, Path labels,
            ImportReport rep) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("source", source.toString());
        p.put("source_format", format);
        p.put("source_sha256", org.raddiag.checkpoint.Checksums.sha256(source));
        p.put("architecture", a.arch());
        p.put("labels_source", labels.toAbsolutePath().toString());
        p.put("thresholds", "0.5 for every class (default, not calibrated)");
        p.put("imported_by", "raddiag import");
        p.put("imported_at", Instant.now().toString());
        p.put("strict", Boolean.toString(a.strict()));
        p.put("module_prefix_stripped", Boolean.toString(rep.prefixStripped()));
        p.put("ignored_keys", Integer.toString(rep.ignored().size()));
        if (!rep.missing().isEmpty()) {
            p.put("missing_keys_left_initialised", String.join(",", rep.missing()));
        }
        if (!rep.unexpected().isEmpty()) {
            p.put("unexpected_keys_dropped", String.join(",", rep.unexpected()));
        }
        return p;
    }

    private static double sec(long from, long to) {
        return (to - from) / 1e9;
    }
}
