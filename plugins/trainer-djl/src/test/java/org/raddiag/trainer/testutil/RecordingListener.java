package org.raddiag.trainer.testutil;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.raddiag.api.train.TrainingListener;

/** Records step losses (by global step) and epoch metrics; can simulate a crash after a given step. */
public final class RecordingListener implements TrainingListener {
    public final List<Double> losses = new ArrayList<>();
    public final List<Long> steps = new ArrayList<>();
    public final List<Map<String, Double>> epochs = new ArrayList<>();
    private final long crashAfter;

    public RecordingListener() {
        this(-1);
    }

    /** Throws {@link Crash} right after step {@code crashAfter} (global, 1-based). */
    public RecordingListener(long crashAfter) {
        this.crashAfter = crashAfter;
    }

    /** Simulated kill. */
    public static final class Crash extends RuntimeException {
        public Crash() {
            super("simulated crash");
        }
    }

    @Override
    public void step(int epoch, long step, long totalSteps, Map<String, Double> metrics) {
        losses.add(metrics.get("loss"));
        steps.add(step);
        if (step == crashAfter) {
            throw new Crash();
        }
    }

    @Override
    public void epoch(int epoch, Map<String, Double> metrics) {
        epochs.add(metrics);
    }
}
