package org.raddiag.model.loss;

import ai.djl.ndarray.NDArray;
import org.raddiag.model.blocks.Scalars;

/**
 * The reference classification loss ({@code MultiLabelLoss} as RadNet applies it): binary cross-entropy with logits
 * on logits clamped to [-60, 60], mean over all elements, no weighting.
 */
public final class ClampedBceLoss {
    /** Clamp applied to the logits before the loss. */
    public static final float LOGIT_CLAMP = 60f;

    private ClampedBceLoss() {
    }

    /** Scalar mean loss over all {@code B x C} elements. */
    public static NDArray loss(NDArray logits, NDArray labels) {
        return elementwise(logits, labels).mean();
    }

    /**
     * Per-element loss {@code max(z,0) - z y + log(1 + exp(-|z|))} with {@code z = clamp(logits, -60, 60)}, evaluated
     * in PyTorch's stable form {@code (1 - y) z + m + log(exp(-m) + exp(-z - m))}, {@code m = max(-z, 0)}.
     */
    public static NDArray elementwise(NDArray logits, NDArray labels) {
        NDArray z = logits.clip(-LOGIT_CLAMP, LOGIT_CLAMP);
        NDArray m = Scalars.atLeast(z.neg(), 0f);
        NDArray log = m.neg().exp().add(z.neg().sub(m).exp()).log();
        return labels.neg().add(1f).mul(z).add(m).add(log);
    }
}
