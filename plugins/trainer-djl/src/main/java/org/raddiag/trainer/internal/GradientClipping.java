package org.raddiag.trainer.internal;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Clipping by the global norm as {@code torch.nn.utils.clip_grad_norm_}: {@code total = sqrt(sum of squared
 * gradient entries over all parameters)}; when {@code max / (total + 1e-6) < 1} every gradient is scaled by that
 * factor, which {@link AdamW#update(double, java.util.Map, double)} applies inside its moment updates. DJL's
 * optimiser {@code clipGrad} is per element, which is not the reference behaviour.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** The global L2 norm of {@code grads}: per-array norms (no squared copy), combined in double precision. */
    public static double globalNorm(List<NDArray> grads) {
        double sum = 0;
        for (NDArray g : grads) {
            try (NDArray n = g.norm()) {
                double v = n.getFloat();
                sum += v * v;
            }
        }
        return Math.sqrt(sum);
    }

    /** The factor that brings a global norm {@code norm} down to {@code maxNorm}: 1 when it is within (or no max). */
    public static double scale(double norm, double maxNorm) {
        if (maxNorm <= 0) {
            return 1.0;
        }
        return Math.min(1.0, maxNorm / (norm + 1e-6));
    }

    /**
     * Sets the gradients to zero in place for the next step. {@code finite} false: some are NaN or infinite, which
     * {@code g * 0} would keep (or make) NaN, so those elements are overwritten.
     */
    public static void zero(List<NDArray> grads, boolean finite) {
        for (NDArray g : grads) {
            g.muli(0f);
            if (!finite) {
                try (NDArray bad = g.isNaN()) {
                    g.set(bad, 0f);
                }
            }
        }
    }
}
