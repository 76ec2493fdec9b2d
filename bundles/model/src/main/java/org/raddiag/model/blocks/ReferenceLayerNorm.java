package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * The reference LayerNorm over the last axis: {@code a * (x - mean) / (std + 1e-6) + b}, where std is the
 * <em>unbiased</em> (n - 1) standard deviation and eps is added to the std, not the variance. Parameters {@code a}
 * (ones) and {@code b} (zeros).
 */
public final class ReferenceLayerNorm extends ReferenceBlock {
    public static final float EPS = 1e-6f;
    /** Lower bound of the variance under the square root (std at least 1e-10, far below {@link #EPS}). */
    static final float VARIANCE_FLOOR = 1e-20f;
    private final int features;
    private final Parameter a;
    private final Parameter b;

    public ReferenceLayerNorm(int features) {
        this.features = features;
        a = addReferenceParameter("a", Parameter.Type.GAMMA, Initializer.ONES, features);
        b = addReferenceParameter("b", Parameter.Type.BETA, Initializer.ZEROS, features);
    }

    /** Applies the norm with explicit scale and shift arrays. */
    public static NDArray apply(NDArray x, NDArray a, NDArray b) {
        long n = x.getShape().get(x.getShape().dimension() - 1);
        NDArray mean = x.mean(new int[] {-1}, true);
        NDArray centred = x.sub(mean);
        // the variance is floored far below EPS^2 before the square root: the output is unchanged (std + EPS), but a
        // constant row (std 0, e.g. a padded token) no longer back-propagates 0 x infinity = NaN
        NDArray variance = Scalars.over(centred.square().sum(new int[] {-1}, true), n - 1);
        NDArray std = Scalars.atLeast(variance, VARIANCE_FLOOR).sqrt();
        return centred.mul(a).div(std.add(EPS)).add(b);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(apply(x, ps.getValue(a, x.getDevice(), training), ps.getValue(b, x.getDevice(), training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    public int features() {
        return features;
    }
}
