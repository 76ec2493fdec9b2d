package org.raddiag.model.runner;

import org.raddiag.api.model.ModelInput;
import org.raddiag.model.blocks.RadNetConfig;

/** Validates a model input against the network before anything reaches the native engine. */
final class InputChecks {
    private InputChecks() {
    }

    static void check(ModelInput in, RadNetConfig c) {
        if (in.depth() > c.depth()) {
            throw new IllegalArgumentException("input has " + in.depth() + " slices per scan, the model takes at most "
                    + c.depth());
        }
        if (in.cases() < 1 || in.slots() < 1) {
            throw new IllegalArgumentException("input has no case or no slot");
        }
        if (in.height() < 8 || in.width() < 8) {
            throw new IllegalArgumentException("input images of " + in.width() + "x" + in.height() + " are too small");
        }
        for (long code : in.modalityCodes()) {
            if (code < 0 || code >= c.modalities()) {
                throw new IllegalArgumentException("modality code " + code + " outside 0.." + (c.modalities() - 1));
            }
        }
        float[] v = in.images().data();
        for (float x : v) {
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException("input images contain NaN or infinite values");
            }
        }
    }
}
