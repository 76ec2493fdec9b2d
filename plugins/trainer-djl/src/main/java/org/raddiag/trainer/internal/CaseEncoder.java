package org.raddiag.trainer.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.InputEncoder;
import org.raddiag.api.model.ModelInput;

/**
 * The trainer's data path: one case to the network input (a batch of one, {@code (1, S, 1, H, W, D)}) and its
 * multi-hot label vector. Every case of a run must give the same S, H, W and D.
 */
public interface CaseEncoder {
    /** The input of {@code c} as a batch of one case. */
    ModelInput input(Case c);

    /** Multi-hot labels of {@code c} over {@code labels}; names not in the set are ignored. */
    default float[] labels(Case c, LabelSet labels) {
        float[] y = new float[labels.size()];
        for (String name : c.labels()) {
            labels.indexOf(name).ifPresent(i -> y[i] = 1f);
        }
        return y;
    }

    /** An encoder that delegates tensorisation to {@code tensorizer} (e.g. core's reference preprocessing). */
    static CaseEncoder of(Function<Case, ModelInput> tensorizer) {
        Objects.requireNonNull(tensorizer, "tensorizer");
        return tensorizer::apply;
    }

    /** An encoder backed by the {@link InputEncoder} service for the sizes {@code architecture} names. */
    static CaseEncoder of(InputEncoder encoder, ArchitectureConfig architecture) {
        Objects.requireNonNull(encoder, "encoder");
        return new CaseEncoder() {
            @Override
            public ModelInput input(Case c) {
                return encoder.encode(List.of(c), architecture);
            }

            @Override
            public float[] labels(Case c, LabelSet labels) {
                return encoder.labels(c, labels);
            }
        };
    }
}
