package org.raddiag.trainer.internal;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Clipping by the global norm as {@code torch.nn.utils.clip_grad_norm_}: {@code total = sqrt(sum of squared
 * gradient entries over all parameters)}; when {@code max / (total + 1e-6) < 1} every gradient is scaled in place by
 * that factor. DJL's optimiser {@code clipGrad} is per element, which is not the reference behaviour.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** The global L2 norm of {@code grads}, accumulated in double precision over per-array float sums. */
    public static double globalNorm(List<NDArray> grads) {
        double sum = 0;
        for (NDArray g : grads) {
            try (NDArray sq = g.square(); NDArray s = sq.sum()) {
                sum += s.getFloat();
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * Scales {@code grads} in place so that their global norm is at most {@code maxNorm} ({@code <= 0}: no-op).
     *
     * @return the norm before clipping
     */
    public static double clip(List<NDArray> grads, double maxNorm) {
        double norm = globalNorm(grads);
        if (maxNorm > 0) {
            double coef = maxNorm / (norm + 1e-6);
            if (coef < 1.0) {
                for (NDArray g : grads) {
                    g.muli((float) coef);
                }
            }
        }
        return norm;
    }

    /**
     * Sets the gradients to zero in place for the next step. {@code finite} false: some are NaN or infinite, which
     * {@code g - g} and {@code g * 0} would keep, so those elements are overwritten.
     */
    public static void zero(List<NDArray> grads, boolean finite) {
        for (NDArray g : grads) {
            g.subi(g);
            if (!finite) {
                try (NDArray bad = g.isNaN()) {
                    g.set(bad, 0f);
                }
            }
        }
    }
}
