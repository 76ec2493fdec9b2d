package org.raddiag.model.blocks.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.UnaryOperator;

/**
 * Runs a row-wise encoder on the valid rows of a batch only and puts the results back in place, zero rows for the
 * others. Gathers both ways (index select in, index select from {@code [zero row; results]} out), so gradients flow
 * in training mode.
 */
public final class SliceSelection {
    private final NDArray valid;

    private SliceSelection(NDArray valid) {
        this.valid = valid;
    }

    /** @param valid {@code (N)} booleans, true for the rows to encode */
    public static SliceSelection of(NDArray valid) {
        return new SliceSelection(valid);
    }

    /**
     * @param rows {@code (N, ...)} inputs
     * @param width the encoder's output width W
     * @param encoder maps {@code (K, ...)} to {@code (K, W)}
     * @return {@code (N, W)}: encoded valid rows, zero rows elsewhere
     */
    public NDArray encode(NDArray rows, int width, UnaryOperator<NDArray> encoder) {
        long n = valid.size();
        NDArray flags = valid.toType(DataType.INT64, false);
        long k = flags.sum().getLong();
        if (k == n) {
            return encoder.apply(rows);
        }
        if (k == 0) {
            return rows.getManager().zeros(new Shape(n, width), rows.getDataType(), rows.getDevice());
        }
        NDArray feats = encoder.apply(rows.get(valid.nonzero().reshape(-1)));
        NDArray zero = feats.getManager().zeros(new Shape(1, width), feats.getDataType(), feats.getDevice());
        NDArray position = flags.cumSum(0).mul(flags); // 1-based row in feats, 0 = the zero row
        return zero.concat(feats, 0).get(position);
    }
}
