package org.raddiag.api.model;

import java.io.IOException;

/**
 * Runs model packages on one compute backend ({@code raddiag.kind=runner}, {@code raddiag.backend=<name>}). It
 * assembles the network from the component plugins the package's architecture names (backbone, fusion, head),
 * loads the verified weights and keeps the result until closed.
 */
public interface ModelRunner {
    /** Backend this runner uses, e.g. {@code pytorch}. */
    String backend();

    /**
     * Builds and loads {@code model} for inference.
     *
     * @throws IOException naming the package and the reason (missing component, weights that do not fit)
     */
    LoadedModel load(ModelPackage model) throws IOException;
}
