package org.raddiag.backbone.resnet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** NDArray helpers for fixture comparisons. */
public final class Arrays2 {
    private Arrays2() {
    }

    public static NDArray create(NDManager m, Npy npy) {
        Shape shape = new Shape(npy.shape);
        return npy.dtype.equals("<f4") ? m.create(npy.floats(), shape) : m.create(npy.longs(), shape);
    }

    /** Asserts equal shape and max |difference| <= tol (NaN never passes); returns the max difference. */
    public static double assertClose(Npy expected, NDArray actual, double tol, String what) {
        assertArrayEquals(expected.shape, actual.getShape().getShape(), what + " shape");
        float[] e = expected.floats();
        float[] a = actual.toType(DataType.FLOAT32, false).toFloatArray();
        double max = 0;
        for (int i = 0; i < e.length; i++) {
            double d = Math.abs((double) e[i] - a[i]);
            if (!(d <= tol)) {
                throw new AssertionError(what + "[" + i + "]: expected " + e[i] + " got " + a[i]);
            }
            max = Math.max(max, d);
        }
        assertTrue(max <= tol);
        System.out.println("[parity] " + what + " max|diff| = " + max);
        return max;
    }
}
