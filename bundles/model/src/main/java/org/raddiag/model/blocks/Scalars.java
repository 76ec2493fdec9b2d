package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with a constant for arrays that autograd tracks. DJL's {@code mul(Number)}, {@code div(Number)} and
 * {@code maximum(Number)} wrap the constant in a tensor over a Java direct buffer and close it as soon as the op
 * returns, but PyTorch keeps that tensor for the backward pass: once a garbage collection frees the buffer, the
 * gradient reads freed memory (measured: NaN gradients in most runs of a 6-step training with a collection every
 * 5 ms; about one CI run in ten without). Here the constant is a tensor libtorch allocates itself, which the saved
 * graph keeps alive. Values are the same as DJL's ops give.
 */
public final class Scalars {
    private Scalars() {
    }

    /** {@code x * v}. */
    public static NDArray times(NDArray x, double v) {
        try (NDArray s = of(x, v)) {
            return x.mul(s);
        }
    }

    /** {@code x / v}. */
    public static NDArray over(NDArray x, double v) {
        try (NDArray s = of(x, v)) {
            return x.div(s);
        }
    }

    /** {@code max(x, v)} element-wise. */
    public static NDArray atLeast(NDArray x, double v) {
        try (NDArray s = of(x, v)) {
            return x.maximum(s);
        }
    }

    private static NDArray of(NDArray like, double v) {
        return like.getManager().full(new Shape(), (float) v, like.getDataType());
    }
}
