package org.raddiag.model.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import org.raddiag.model.blocks.Scalars;

/**
 * The reference auxiliary key-slice loss ({@code KLwithGaussian}): a Gaussian target over slice positions centred
 * on the key slice with {@code sigma = D * fraction} (D = 32, fraction 1/16 gives 2 slices), zeroed at positions
 * {@code >= cutoff}, normalised to sum 1 and clamped at 1e-5 without renormalising; the prediction is
 * {@code softmax(scores)} over all D positions clamped at 1e-5 the same way; the loss is the symmetric KL
 * {@code (KL(t||p) + KL(p||t)) / 2}, each "batchmean" (summed, divided by the number of rows). Like the reference,
 * it yields NaN when the whole Gaussian underflows below the cutoff (a key far beyond the valid slices).
 */
public final class KeySliceKlLoss {
    public static final float DEFAULT_STD_FRACTION = 1f / 16f;
    public static final float FLOOR = 1e-5f;
    /** RadNet's weight on this loss. */
    public static final float RADNET_WEIGHT = 0.001f;

    private KeySliceKlLoss() {
    }

    /** Scalar loss for {@code scores (N, D)}, {@code keys (N)} and {@code cutoffs (N)}, fraction 1/16. */
    public static NDArray loss(NDArray scores, NDArray keys, NDArray cutoffs) {
        return terms(scores, keys, cutoffs, DEFAULT_STD_FRACTION).get(0);
    }

    /** The loss, then the two KL terms {@code KL(t||p)} and {@code KL(p||t)}. */
    public static NDList terms(NDArray scores, NDArray keys, NDArray cutoffs, float stdFraction) {
        long rows = scores.getShape().get(0);
        NDArray t = Scalars.atLeast(targets(scores, keys, cutoffs, stdFraction), FLOOR);
        NDArray p = Scalars.atLeast(scores.softmax(-1), FLOOR);
        NDArray logT = t.log();
        NDArray logP = p.log();
        NDArray targetToPred = Scalars.over(t.mul(logT.sub(logP)).sum(), rows);
        NDArray predToTarget = Scalars.over(p.mul(logP.sub(logT)).sum(), rows);
        return new NDList(Scalars.over(targetToPred.add(predToTarget), 2f), targetToPred, predToTarget);
    }

    /** The normalised Gaussian targets {@code (N, D)} before the clamp; no gradient flows into them. */
    public static NDArray targets(NDArray scores, NDArray keys, NDArray cutoffs, float stdFraction) {
        long depth = scores.getShape().get(1);
        long rows = scores.getShape().get(0);
        float sigma = depth * stdFraction;
        NDArray j = scores.getManager().arange(0f, (float) depth).reshape(1, depth);
        NDArray key = keys.reshape(rows, 1).toType(DataType.FLOAT32, false);
        NDArray cut = cutoffs.reshape(rows, 1).toType(DataType.FLOAT32, false);
        NDArray z = j.sub(key).div(sigma);
        NDArray gauss = z.mul(z).mul(-0.5f).exp().mul(j.lt(cut).toType(DataType.FLOAT32, false));
        return gauss.div(gauss.sum(new int[] {-1}, true)).stopGradient();
    }
}
