package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;

/**
 * The exact (erf) GELU of the reference, {@code 0.5 x (1 + erf(x / sqrt 2))}: one definition for every block that
 * uses it (the MLP head, ViT's feed-forward and classifier), so DJL and the ONNX {@code Nn.gelu} agree everywhere.
 */
public final class Gelu {
    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));

    private Gelu() {
    }

    /** {@code 0.5 x (1 + erf(x / sqrt 2))}, element-wise. */
    public static NDArray exact(NDArray x) {
        return Scalars.times(x, 0.5f).mul(Scalars.times(x, INV_SQRT2).erf().add(1f));
    }
}
