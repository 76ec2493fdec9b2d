package org.raddiag.trainer.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Optional;
import java.util.Properties;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.api.train.TrainingListener;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.model.assembly.AssembledNetwork;
import org.raddiag.model.assembly.NetworkAssembler;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.api.train.TrainingOutcome;
import org.raddiag.support.files.DurableFiles;

/**
 * One training run: builds the network (optionally from initial weights, optionally with a frozen backbone), resumes
 * from the newest complete checkpoint when asked, then loops over epochs and steps, writing metrics, checkpoints,
 * the best weights and the loss curve into the output folder (layout in {@link DjlTraining}).
 */
public final class TrainingRun {
    /** Only one PyTorch gradient collector may be active per JVM. */
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    /** Non-finite gradient steps tolerated in a row before the run stops (a diverged run, not a rare spike). */
    private static final int MAX_SKIPPED_IN_A_ROW = 8;
    private static final Object ENGINE_LOCK = new Object();
    private static final long CACHE_BYTES = 1L << 30;

    private final TrainingSpec spec;
    private final DatasetSource data;
    private final CaseEncoder encoder;
    private final NetworkAssembler assembler;
    private final Path out;
    private final boolean resume;
    private final TrainingListener listener;
    private final LossCurves curves = new LossCurves();

    /** @param assembler builds the network from the backbone and head plugins the architecture names */
    public TrainingRun(TrainingSpec spec, DatasetSource data, CaseEncoder encoder, NetworkAssembler assembler,
            Path out, boolean resume, TrainingListener listener) {
        this.spec = spec;
        this.data = data;
        this.encoder = encoder;
        this.assembler = assembler;
        this.out = out;
        this.resume = resume;
        this.listener = listener;
    }

    public TrainingOutcome run() throws Exception {
        synchronized (ENGINE_LOCK) {
            return runLocked();
        }
    }

    private TrainingOutcome runLocked() throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(out);
        LabelSet labels = data.labels();
        ArchitectureConfig arch = spec.architecture(labels.size());
        if (arch.getInt(ArchitectureConfig.CLASSES) != labels.size()) {
            throw new IllegalArgumentException("classes = " + arch.get(ArchitectureConfig.CLASSES) + " but the dataset"
                    + " has " + labels.size() + " labels");
        }
        List<String> train = data.caseIds(DatasetSource.Split.TRAIN);
        List<String> val = spec.validateEachEpoch() ? data.caseIds(DatasetSource.Split.VALIDATION) : List.of();
        int batch = spec.batchSize();
        if (train.size() < batch) {
            throw new IllegalArgumentException("the training split has " + train.size() + " cases, fewer than one"
                    + " batch of " + batch);
        }
        int stepsPerEpoch = train.size() / batch;
        int epochs = spec.epochs();
        long total = (long) epochs * stepsPerEpoch;
        long planned = spec.maxSteps() > 0 ? Math.min(total, spec.maxSteps()) : total;
        CosineWarmupSchedule schedule = new CosineWarmupSchedule(spec.lr(), spec.warmupSteps(total), total);
        CheckpointStore store = new CheckpointStore(out.resolve(DjlTraining.CHECKPOINTS));
        store.cleanTemporaries();
        AssembledNetwork assembled = assembler.assemble(arch, NetworkAssembler.DEFAULT_WAIT_MILLIS);
        Engine engine = Engine.getInstance();
        engine.setRandomSeed((int) spec.seed());
        try (NDManager manager = NDManager.newBaseManager()) {
            RadNet net = assembled.initialize(manager);
            if (!spec.init().isEmpty()) {
                Weights.loadForFineTuning(net, SafetensorsFile.read(Path.of(spec.init())));
            }
            if (spec.freezeBackbone()) {
                Weights.freezeBackbone(net);
            }
            AdamW opt = new AdamW(Weights.trainable(net), spec.beta1(), spec.beta2(), spec.eps(), spec.weightDecay());
            Optional<CheckpointStore.Loaded> ck = store.latest();
            if (ck.isPresent() && !resume) {
                throw new IllegalStateException(out + " already holds a checkpoint (" + ck.get().folder().getFileName()
                        + "); resume, or choose another output folder");
            }
            TrainingPosition pos = ck.map(CheckpointStore.Loaded::position).orElse(null);
            if (pos != null) {
                Weights.restore(net, ck.get().weights());
                opt.restore(ck.get().optimizer(), pos.optimizerSteps());
                if (pos.order().length != train.size()) {
                    throw new IllegalStateException("the checkpoint's epoch covers " + pos.order().length
                            + " training cases, the dataset now has " + train.size());
                }
            }
            // a frozen backbone keeps no activations for backward, so there is nothing to checkpoint (and nothing
            // its recomputed segments could back-propagate into)
            StepRunner runner = new StepRunner(net, manager, opt, spec.klWeight(), spec.clipNorm(),
                    spec.freezeBackbone() ? 0 : spec.recomputeUnits());
            CaseLoader loader = new CaseLoader(data, encoder, arch, CACHE_BYTES);
            ImageAugmenter augmenter = spec.augment() ? new ImageAugmenter(spec.augmentP()) : null;
            try (MetricsLog log = new MetricsLog(out.resolve(DjlTraining.METRICS), pos == null ? 0 : pos.metricsBytes())) {
                List<Map<String, Double>> history = MetricsLog.read(log.file());
                curves.rebuild(history);
                int epoch = pos == null ? 0 : pos.epoch();
                int s0 = pos == null ? 0 : pos.stepInEpoch();
                long g = pos == null ? 0 : pos.globalStep();
                long startStep = g;
                double best = pos == null ? Double.POSITIVE_INFINITY : pos.bestLoss();
                int bestEpoch = pos == null ? -1 : pos.bestEpoch();
                int[] order = pos == null ? EpochPlan.order(spec.seed(), 0, train.size()) : pos.order();
                double lastLoss = Double.NaN;
                double lastEpochLoss = Double.NaN;
                double lastVal = Double.NaN;
                int epochsDone = epoch;
                Path lastCk = ck.map(CheckpointStore.Loaded::folder).orElse(null);
                long trainNanos = 0;
                boolean stopped = false;
                int skipped = 0;
                int skippedInARow = 0;
                for (; epoch < epochs && !stopped; epoch++, s0 = 0) {
                    double sum = 0;
                    int n = 0;
                    for (Map<String, Double> h : history) {
                        if (h.getOrDefault("type", -1.0) == 0 && h.getOrDefault("epoch", -1.0) == epoch) {
                            sum += h.get("loss");
                            n++;
                        }
                    }
                    for (int s = s0; s < stepsPerEpoch; s++) {
                        if (g >= planned) {
                            stopped = true;
                            break;
                        }
                        long ts = System.nanoTime();
                        Batch b = loader.trainBatch(train, order, s, batch, spec.seed(), g, spec.mixP(), spec.mix(),
                                augmenter);
                        long loaded = System.nanoTime();
                        double lr = schedule.lr(g);
                        StepRunner.Outcome o = runner.train(b, lr);
                        long dt = System.nanoTime() - ts;
                        trainNanos += dt;
                        g++;
                        sum += o.loss();
                        n++;
                        lastLoss = o.loss();
                        Map<String, Double> m = new LinkedHashMap<>();
                        m.put("loss", o.loss());
                        m.put("bce", o.bce());
                        m.put("kl", o.kl());
                        m.put("lr", lr);
                        m.put("gradNorm", o.gradNorm());
                        if (o.skipped()) {
                            m.put("skipped", 1.0);
                            skipped++;
                            if (++skippedInARow > MAX_SKIPPED_IN_A_ROW) {
                                throw new IllegalStateException("gradients were not finite in " + skippedInARow
                                        + " steps in a row (last at step " + g + ", learning rate " + lr
                                        + "); lower the learning rate");
                            }
                            LOG.warn("step {}: gradients not finite (loss {}); step skipped, weights unchanged", g,
                                    o.loss());
                        } else {
                            skippedInARow = 0;
                        }
                        m.put("casesPerSec", batch / (dt / 1e9));
                        m.put("stepSeconds", dt / 1e9);
                        m.put("loadSeconds", (loaded - ts) / 1e9);
                        m.put("forwardSeconds", o.phases().forward());
                        m.put("backwardSeconds", o.phases().backward());
                        m.put("updateSeconds", o.phases().update());
                        Map<String, Number> line = new LinkedHashMap<>();
                        line.put("epoch", epoch);
                        line.put("step", g);
                        line.putAll(m);
                        log.append("step", line);
                        curves.step(g, o.loss());
                        listener.step(epoch, g, planned, m);
                        if (spec.checkpointEvery() > 0 && g % spec.checkpointEvery() == 0 && s + 1 < stepsPerEpoch) {
                            lastCk = save(store, net, opt, log, arch, new TrainingPosition(epoch, s + 1, g,
                                    opt.stepCount(), order, best, bestEpoch, 0, spec.seed(), spec.asMap()));
                        }
                        Optional<String> lost = assembled.lostComponent();
                        if (lost.isPresent()) {
                            // the step just taken is kept: a resumed run goes on from the next one
                            lastCk = save(store, net, opt, log, arch, new TrainingPosition(epoch, s + 1, g,
                                    opt.stepCount(), order, best, bestEpoch, 0, spec.seed(), spec.asMap()));
                            throw new IllegalStateException("training stopped after step " + g + ": "
                                    + lost.get() + "; checkpoint " + out.relativize(lastCk) + " holds every step so"
                                    + " far: install the plugin again and resume the run (train --resume, same --out)");
                        }
                    }
                    if (stopped) {
                        break;
                    }
                    lastEpochLoss = n == 0 ? Double.NaN : sum / n;
                    lastVal = val.isEmpty() ? Double.NaN : validate(runner, loader, val, batch);
                    double score = val.isEmpty() ? lastEpochLoss : lastVal;
                    if (score < best) {
                        best = score;
                        bestEpoch = epoch;
                        writeBest(net, arch, epoch, score);
                    }
                    Map<String, Double> em = new LinkedHashMap<>();
                    em.put("trainLoss", lastEpochLoss);
                    em.put("valLoss", lastVal);
                    em.put("bestLoss", best);
                    Map<String, Number> line = new LinkedHashMap<>();
                    line.put("epoch", epoch);
                    line.put("step", g);
                    line.putAll(em);
                    log.append("epoch", line);
                    curves.epoch(g, lastEpochLoss, lastVal);
                    curves.write(out);
                    listener.epoch(epoch, em);
                    epochsDone = epoch + 1;
                    order = EpochPlan.order(spec.seed(), epoch + 1, train.size());
                    lastCk = save(store, net, opt, log, arch, new TrainingPosition(epoch + 1, 0, g, opt.stepCount(),
                            order, best, bestEpoch, 0, spec.seed(), spec.asMap()));
                }
                if (stopped && g > startStep) {
                    lastCk = save(store, net, opt, log, arch, new TrainingPosition(epoch, (int) (g
                            - (long) epoch * stepsPerEpoch), g, opt.stepCount(), order, best, bestEpoch, 0,
                            spec.seed(), spec.asMap()));
                }
                Map<String, Double> summary = new LinkedHashMap<>();
                summary.put(DjlTraining.STEPS, (double) g);
                summary.put(DjlTraining.EPOCHS_DONE, (double) epochsDone);
                summary.put(DjlTraining.LAST_LOSS, lastLoss);
                summary.put(DjlTraining.LAST_EPOCH_LOSS, lastEpochLoss);
                summary.put(DjlTraining.VALIDATION_LOSS, lastVal);
                summary.put(DjlTraining.BEST_LOSS, best);
                summary.put(DjlTraining.BEST_EPOCH, (double) bestEpoch);
                summary.put(DjlTraining.CASES_PER_SEC, g > startStep ? (g - startStep) * batch / (trainNanos / 1e9)
                        : Double.NaN);
                summary.put(DjlTraining.SECONDS, (System.nanoTime() - t0) / 1e9);
                summary.put(DjlTraining.SKIPPED_STEPS, (double) skipped);
                summary.put(DjlTraining.RESUMED_FROM, (double) (pos == null ? -1 : pos.globalStep()));
                Path bestFile = out.resolve(DjlTraining.BEST).resolve(DjlTraining.MODEL_FILE);
                return new TrainingOutcome(summary, Files.exists(bestFile) ? Optional.of(bestFile) : Optional.empty(),
                        arch, Optional.ofNullable(lastCk));
            }
        }
    }

    private double validate(StepRunner runner, CaseLoader loader, List<String> val, int batch) throws IOException {
        double sum = 0;
        for (List<String> chunk : loader.chunks(val, batch)) {
            sum += runner.evaluate(loader.batch(chunk))[0] * chunk.size();
        }
        return sum / val.size();
    }

    private Path save(CheckpointStore store, RadNet net, AdamW opt, MetricsLog log, ArchitectureConfig arch,
            TrainingPosition p) throws IOException {
        TrainingPosition withBytes = new TrainingPosition(p.epoch(), p.stepInEpoch(), p.globalStep(),
                p.optimizerSteps(), p.order(), p.bestLoss(), p.bestEpoch(), log.size(), p.seed(), p.settings());
        return store.save(withBytes, Weights.streamed(net), opt.streamedState(), archMeta(arch));
    }

    private void writeBest(RadNet net, ArchitectureConfig arch, int epoch, double loss) throws IOException {
        Path dir = out.resolve(DjlTraining.BEST);
        Map<String, String> meta = archMeta(arch);
        meta.put("epoch", Integer.toString(epoch));
        meta.put("loss", Double.toString(loss));
        SafetensorsFile.write(dir.resolve(DjlTraining.MODEL_FILE), Weights.streamed(net), meta);
        Properties p = new Properties();
        arch.asMap().forEach(p::setProperty);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p.store(bytes, "architecture of " + DjlTraining.MODEL_FILE + " (epoch " + epoch + ", loss " + loss + ")");
        DurableFiles.write(dir.resolve(DjlTraining.ARCHITECTURE_FILE), bytes.toByteArray());
    }

    private static Map<String, String> archMeta(ArchitectureConfig arch) {
        Map<String, String> meta = new LinkedHashMap<>();
        arch.asMap().forEach((k, v) -> meta.put("arch." + k, v));
        return meta;
    }
}
