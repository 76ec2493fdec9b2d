package org.raddiag.trainer.internal;

import org.raddiag.api.model.ModelInput;

/** One case as network input (a batch of one) with its multi-hot labels. */
public record EncodedCase(ModelInput input, float[] labels) {
    public EncodedCase {
        if (input.cases() != 1) {
            throw new IllegalArgumentException("a case encodes to a batch of one, got " + input.cases());
        }
    }
}
