package org.raddiag.api.model;

import java.util.List;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.LabelSet;

/**
 * Turns cases into the network's input exactly as the reference preprocessing does (per-sample min-max
 * normalisation, in-plane resize, depth subsampling, modality codes, slot and slice masks, key slices), for the
 * sizes an architecture names. Used by the diagnosis service and by trainers.
 */
public interface InputEncoder {
    /** The batch input of {@code cases}, in order. */
    ModelInput encode(List<Case> cases, ArchitectureConfig architecture);

    /** Multi-hot label vector of {@code c} over {@code labels}; names not in the set are ignored. */
    float[] labels(Case c, LabelSet labels);
}
