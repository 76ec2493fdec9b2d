package org.raddiag.api.train;

import java.nio.file.Path;
import java.util.Map;

/** Trains a model on a dataset, writing atomic checkpoints to an output folder ({@code raddiag.kind=trainer}). */
public interface Trainer {
    String name();

    /**
     * Trains according to {@code settings} (architecture, epochs, batch size, learning rate, seed, ...), resuming
     * from the last complete checkpoint in {@code out} when {@code resume} is set.
     *
     * @return summary metrics of the run (e.g. best validation loss)
     */
    Map<String, Double> train(DatasetSource data, Map<String, String> settings, Path out, boolean resume,
            TrainingListener listener) throws Exception;
}
