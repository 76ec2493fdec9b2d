package org.raddiag.api.train;

import java.util.Map;

/** Progress of a training run: one call per optimisation step and per finished epoch. */
public interface TrainingListener {
    void step(int epoch, long step, long totalSteps, Map<String, Double> metrics);

    void epoch(int epoch, Map<String, Double> metrics);
}
