package org.raddiag.trainer.internal;

import org.raddiag.api.train.TrainingOutcome;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.raddiag.api.data.Case;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.api.train.TrainingListener;
import org.raddiag.model.assembly.NetworkAssembler;

/**
 * Plain-Java entry point of a training run (what the {@code train} command calls). Needs the DJL PyTorch engine.
 * Settings: {@link TrainingSpec}. Runs are serialised per JVM (PyTorch allows one gradient recorder at a time).
 *
 * <p>Output folder:
 * <pre>
 * metrics.jsonl                 one JSON object per step ({"type":"step","epoch","step","loss","bce","kl","lr",
 *                               "gradNorm","casesPerSec","stepSeconds"}) and per epoch ("trainLoss","valLoss","bestLoss")
 * loss-curve.svg, loss-curve.png  after every epoch, replaced atomically
 * checkpoints/ckpt-NNNNNNNNNN/  newest complete checkpoint (model.safetensors, optimizer.safetensors, state.properties)
 * best/model.safetensors        best weights by validation loss (training loss without a validation split), with
 * best/architecture.properties  the architecture settings they belong to
 * </pre>
 * Checkpoints are written at every epoch end, every {@code checkpointEvery} steps and when {@code maxSteps} stops
 * the run. With {@code resume} a run continues from the newest complete checkpoint (temporary or incomplete folders
 * from a killed run are ignored) and repeats exactly the steps an uninterrupted run would take; without it, a folder
 * that already holds a checkpoint is refused.
 */
public final class DjlTraining {
    public static final String METRICS = "metrics.jsonl";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String BEST = "best";
    public static final String MODEL_FILE = "model.safetensors";
    public static final String ARCHITECTURE_FILE = "architecture.properties";

    /** Summary keys. */
    public static final String STEPS = "steps";
    public static final String EPOCHS_DONE = "epochs";
    public static final String LAST_LOSS = "lastLoss";
    public static final String LAST_EPOCH_LOSS = "lastEpochTrainLoss";
    public static final String VALIDATION_LOSS = "validationLoss";
    public static final String BEST_LOSS = "bestLoss";
    public static final String BEST_EPOCH = "bestEpoch";
    public static final String CASES_PER_SEC = "casesPerSec";
    public static final String SECONDS = "seconds";
    public static final String RESUMED_FROM = "resumedFromStep";
    /** Steps whose gradients were not finite and that left the weights unchanged (in this process). */
    public static final String SKIPPED_STEPS = "skippedSteps";

    private DjlTraining() {
    }

    /**
     * Trains with cases tensorised by {@code tensorizer} (one case to a batch-of-one input, e.g. core's reference
     * preprocessing); labels are the multi-hot vector of the case's label names over the dataset's label set. The
     * network comes from {@code assembler} (the backbone and head plugins the architecture names); a run whose
     * plugin goes away stops after a checkpoint, with a message saying how to resume.
     */
    public static TrainingOutcome run(TrainingSpec spec, DatasetSource data, Function<Case, ModelInput> tensorizer,
            NetworkAssembler assembler, Path out, boolean resume, TrainingListener listener) throws Exception {
        return runWith(spec, data, CaseEncoder.of(tensorizer), assembler, out, resume, listener);
    }

    /** Trains with an explicit {@link CaseEncoder}. */
    public static TrainingOutcome runWith(TrainingSpec spec, DatasetSource data, CaseEncoder encoder,
            NetworkAssembler assembler, Path out, boolean resume, TrainingListener listener) throws Exception {
        return new TrainingRun(spec, data, encoder, assembler, out, resume, listener == null ? NO_LISTENER : listener)
                .run();
    }

    /** {@link #run} with settings as strings. */
    public static TrainingOutcome run(Map<String, String> settings, DatasetSource data,
            Function<Case, ModelInput> tensorizer, NetworkAssembler assembler, Path out, boolean resume,
            TrainingListener listener) throws Exception {
        return run(TrainingSpec.of(settings), data, tensorizer, assembler, out, resume, listener);
    }

    private static final TrainingListener NO_LISTENER = new TrainingListener() {
        @Override
        public void step(int epoch, long step, long totalSteps, Map<String, Double> metrics) {
        }

        @Override
        public void epoch(int epoch, Map<String, Double> metrics) {
        }
    };
}
