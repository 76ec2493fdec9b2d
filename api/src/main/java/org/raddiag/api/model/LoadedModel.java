package org.raddiag.api.model;

import java.util.Set;

/** A model ready for inference on one backend. Thread-safe; closing it frees its native memory. */
public interface LoadedModel extends AutoCloseable {
    ModelPackage model();

    /** Backend it runs on. */
    String backend();

    /** Names of the component plugins it was built from (e.g. the backbone), so a swap can find the affected models. */
    Set<String> components();

    /**
     * Runs the network in inference mode. Empty slots and padded slices may be skipped (exact in eval mode).
     *
     * @throws ModelClosedException when the model was closed
     */
    ModelOutput predict(ModelInput input);

    @Override
    void close();
}
