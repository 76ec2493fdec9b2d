package org.raddiag.trainer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.raddiag.metrics.LossCurvePlot;
import org.raddiag.metrics.LossCurvePlot.Point;

/**
 * The loss curves of a {@link TrainingRun}: the loss of every step and the training and validation loss of every
 * epoch, rebuilt from the metrics log when a run resumes, drawn by {@link LossCurvePlot}.
 */
final class LossCurves {
    private final List<Point> steps = new ArrayList<>();
    private final List<Point> train = new ArrayList<>();
    private final List<Point> validation = new ArrayList<>();

    void step(double globalStep, double loss) {
        steps.add(new Point(globalStep, loss));
    }

    void epoch(double globalStep, double trainLoss, double validationLoss) {
        train.add(new Point(globalStep, trainLoss));
        validation.add(new Point(globalStep, validationLoss));
    }

    /** The points of the metrics log's lines ({@code type} 0: a step; otherwise an epoch). */
    void rebuild(List<Map<String, Double>> history) {
        for (Map<String, Double> h : history) {
            double step = h.getOrDefault("step", Double.NaN);
            if (h.getOrDefault("type", -1.0) == 0) {
                step(step, h.getOrDefault("loss", Double.NaN));
            } else {
                epoch(step, h.getOrDefault("trainLoss", Double.NaN), h.getOrDefault("valLoss", Double.NaN));
            }
        }
    }

    /** Draws the curves into {@code dir} (see {@link LossCurvePlot#write}). */
    void write(Path dir) throws IOException {
        LossCurvePlot.write(dir, steps, train, validation);
    }
}
