package org.raddiag.api.train;

import java.nio.file.Path;
import java.util.Map;
import org.raddiag.api.model.ArchitectureConfig;

/**
 * Trains a model on a dataset, writing atomic checkpoints to an output folder. Registered with
 * {@code raddiag.kind=trainer} and {@code raddiag.trainer=<name>}; workflows select trainers by that name only, so
 * a second trainer plugin needs no change elsewhere.
 */
public interface Trainer {
    String name();

    /**
     * The architecture a run with {@code settings} would train, for {@code classes} labels (so that a workflow can
     * check the plugins it needs before a long run starts).
     *
     * @throws IllegalArgumentException naming the setting that is unknown or out of range
     */
    ArchitectureConfig architecture(Map<String, String> settings, int classes);

    /**
     * Trains according to {@code settings} (architecture, epochs, batch size, learning rate, seed, ...), resuming
     * from the last complete checkpoint in {@code out} when {@code resume} is set.
     *
     * @throws IllegalArgumentException naming a bad setting
     * @throws Exception when the run fails; its last complete checkpoint stays in {@code out}
     */
    TrainingOutcome train(DatasetSource data, Map<String, String> settings, Path out, boolean resume,
            TrainingListener listener) throws Exception;
}
