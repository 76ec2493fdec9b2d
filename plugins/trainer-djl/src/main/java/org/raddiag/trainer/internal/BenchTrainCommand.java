package org.raddiag.trainer.internal;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.cli.Command;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.train.TrainingListener;
import org.raddiag.model.assembly.NetworkAssembler;
import org.raddiag.model.blocks.OpProfile;
import org.raddiag.support.cli.Benchmarks;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;
import org.raddiag.support.cli.UsageException;
import org.raddiag.support.files.DurableFiles;
import org.raddiag.support.files.ScratchFolders;
import org.raddiag.support.osgi.TrackedServices;

/**
 * {@code bench-train [--size demo|full] [--scans N] [--steps N] [--warmup N] [--set key=value]... [--profile FILE]
 * [--json]}: training step time and peak RSS on synthetic cases (every slot full, every slice valid), at the two sizes
 * the performance anchors ({@code tools/anchors/anchor_train.py demo|full}) time: a benchmark, not a test. A step is
 * forward, loss, backward, clipping and the AdamW update, as in {@code train}. {@code --profile} writes PyTorch's
 * operator profile of the last timed step ({@link OpProfile}).
 */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "bench-train"})
public final class BenchTrainCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("bench-train",
            "Benchmark (not a test): training step time and peak RSS on synthetic cases. demo: the demo architecture"
            + " (ResNet-18, 32x32, 8 slices, 4 slots, hidden 64, 12 labels), batch 16, every slot full (512 slices"
            + " a step); full: ResNet-50, 256x256, 32 slices a scan, hidden 2048, 5,569 labels, batch 1.")
            .option("size", "demo|full", "which of the two anchor sizes", "demo")
            .option("scans", "N", "scans per case at the full size (the demo size has 4 slots, all full)", "1")
            .option("steps", "N", "timed steps", "5")
            .option("warmup", "N", "untimed steps before them (oneDNN and the allocator warm up)", "2")
            .repeatable("set", "key=value", "a training setting (as for train), e.g. --set batchSize=2")
            .option("profile", "FILE", "write PyTorch's operator profile of the last timed step there (a Chrome"
                    + " trace: chrome://tracing or ui.perfetto.dev)")
            .jsonFlag()
            .build();

    /** The parts of a step the training metrics time ({@code <phase>Seconds}): batch, forward, backward, update. */
    private static final List<String> PHASES = List.of("load", "forward", "backward", "update");

    @Reference
    private NetworkAssembler assembler;

    /** PyTorch must run for the steps; followed, not referenced, so {@code --help} answers before the engine starts. */
    private TrackedServices<ComputeBackend> pytorch;

    @Activate
    void activate(BundleContext context) {
        pytorch = TrackedServices.byProperty(context, ComputeBackend.class, "compute backend", ServiceProperties.BACKEND);
    }

    @Deactivate
    void deactivate() {
        pytorch.close();
    }

    public BenchTrainCommand() {
        super(SYNTAX, "benchmark: training step time and peak RSS");
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        String size = a.value("size");
        int scans = a.count("scans");
        int steps = a.count("steps");
        int warmup = a.intValue("warmup", 2);
        if (warmup < 0) {
            throw new UsageException("--warmup takes 0 or more steps");
        }
        Path profileFile = a.path("profile");
        if (profileFile != null && !Files.isDirectory(profileFile.toAbsolutePath().getParent())) {
            throw new UsageException("--profile " + profileFile + ": its folder does not exist");
        }
        Map<String, String> settings = settings(size, scans);
        settings.putAll(a.settings("set"));
        settings.put(TrainingSpec.MAX_STEPS, String.valueOf(warmup + steps));
        TrainingSpec spec;
        try {
            spec = TrainingSpec.of(settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ArchitectureConfig arch = spec.architecture(Integer.parseInt(settings.get(ArchitectureConfig.CLASSES)));
        int batch = Integer.parseInt(settings.get(TrainingSpec.BATCH_SIZE));
        // one epoch holds every step, so no epoch-end checkpoint falls among the timed steps
        // one batch of distinct inputs, reused by every step, as the anchors do
        SyntheticCases data = new SyntheticCases(arch.getInt(ArchitectureConfig.CLASSES), batch * (warmup + steps),
                batch, arch.getInt(ArchitectureConfig.IMAGE_SIZE), arch.getInt(ArchitectureConfig.DEPTH),
                arch.getInt(ArchitectureConfig.SLOTS));
        pytorch.require("pytorch");
        List<Double> seconds = new ArrayList<>();
        Map<String, List<Double>> phases = new LinkedHashMap<>();
        for (String phase : PHASES) {
            phases.put(phase, new ArrayList<>());
        }
        double[] stepsPeak = {-1};
        long lastStep = warmup + steps;
        OpProfile[] profile = {null};
        TrainingListener timing = new TrainingListener() {
            @Override
            public void step(int epoch, long step, long total, Map<String, Double> m) {
                if (step > warmup) {
                    seconds.add(m.get("stepSeconds"));
                    phases.forEach((phase, list) -> list.add(m.get(phase + "Seconds")));
                }
                stepsPeak[0] = Benchmarks.peakRssMiB();
                // the steps run on this thread, so the profiler (per thread) sees the last one whole
                if (profileFile != null && step == lastStep - 1) {
                    profile[0] = OpProfile.start();
                } else if (profile[0] != null && step == lastStep) {
                    try {
                        profile[0].writeTo(profileFile);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write the profile " + profileFile + ": " + e, e);
                    }
                }
            }

            @Override
            public void epoch(int epoch, Map<String, Double> m) {
            }
        };
        Path work = ScratchFolders.create("raddiag-bench-train-");
        if (profileFile != null && lastStep == 1) {
            profile[0] = OpProfile.start();
        }
        try {
            DjlTraining.run(spec, data, data.tensorizer(), assembler, work, false, timing);
        } finally {
            try {
                if (profile[0] != null) {
                    profile[0].close();
                }
            } finally {
                DurableFiles.deleteTree(work);
            }
        }
        double[] s = seconds.stream().mapToDouble(Double::doubleValue).toArray();
        double median = Benchmarks.median(s);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("size", size);
        r.put("scans", arch.getInt(ArchitectureConfig.SLOTS));
        r.put("batch", batch);
        r.put("slicesPerStep", (long) batch * arch.getInt(ArchitectureConfig.SLOTS) * arch.getInt(ArchitectureConfig.DEPTH));
        r.put("stepSecondsRuns", s);
        r.put("stepSecondsMedian", median);
        r.put("casesPerSecond", batch / median);
        Map<String, Double> phaseMedians = new LinkedHashMap<>();
        phases.forEach((phase, list) -> phaseMedians.put(phase,
                Benchmarks.median(list.stream().mapToDouble(Double::doubleValue).toArray())));
        r.put("phaseSecondsMedian", phaseMedians);
        r.put("peakRssMiBSteps", stepsPeak[0]);
        r.put("peakRssMiB", Benchmarks.peakRssMiB());
        r.put("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        if (profileFile != null) {
            r.put("profile", profileFile.toAbsolutePath().toString());
        }
        if (a.flag("json")) {
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(r));
        } else {
            out.printf(Locale.ROOT, "bench-train %s: %d case(s) x %d scan(s) x %d slices a step: median step %.3f s"
                    + " (runs %s), %.2f cases/s, peak RSS %.0f MiB over the steps, %.0f MiB with the final checkpoint%n",
                    size, batch,
                    arch.getInt(ArchitectureConfig.SLOTS), arch.getInt(ArchitectureConfig.DEPTH), median,
                    Arrays.toString(Arrays.stream(s).map(v -> Math.round(v * 1000) / 1000.0).toArray()),
                    batch / median, stepsPeak[0], Benchmarks.peakRssMiB());
            out.printf(Locale.ROOT, "  median seconds by phase: %s%n", phaseMedians);
        }
        return 0;
    }

    /** The anchor sizes as training settings. */
    static Map<String, String> settings(String size, int scans) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(TrainingSpec.VALIDATE, "false");
        s.put(TrainingSpec.EPOCHS, "1000000");
        s.put(TrainingSpec.LR, "1e-4");
        switch (size) {
            case "demo" -> {
                s.put(ArchitectureConfig.BACKBONE, "resnet18");
                s.put(ArchitectureConfig.IMAGE_SIZE, "32");
                s.put(ArchitectureConfig.DEPTH, "8");
                s.put(ArchitectureConfig.SLOTS, "4");
                s.put(ArchitectureConfig.HIDDEN, "64");
                s.put(ArchitectureConfig.CLASSES, "12");
                s.put(TrainingSpec.BATCH_SIZE, "16");
                s.put(TrainingSpec.KL_WEIGHT, "0.3");
            }
            case "full" -> {
                s.put(ArchitectureConfig.SLOTS, String.valueOf(scans));
                s.put(ArchitectureConfig.CLASSES, "5569");
                s.put(TrainingSpec.BATCH_SIZE, "1");
            }
            default -> throw new UsageException("--size is demo or full, not '" + size + "'");
        }
        return s;
    }
}
