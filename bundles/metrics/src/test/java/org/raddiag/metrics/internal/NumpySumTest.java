package org.raddiag.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Expected values from numpy 2.4 ({@code np.sum}, {@code np.mean}); a sequential sum gives 1e16. */
class NumpySumTest {
    private static double[] bigThenOnes(int ones) {
        double[] a = new double[ones + 1];
        Arrays.fill(a, 1.0);
        a[0] = 1e16;
        return a;
    }

    @Test
    void pairwiseOrderLikeNumpy() {
        assertEquals(1.0000000000000008e16, NumpySum.sum(bigThenOnes(8)));
        assertEquals(1.0000000000000188e16, NumpySum.sum(bigThenOnes(200)));
        assertEquals(49751243781095.46, NumpySum.mean(bigThenOnes(200)));
        assertEquals(3.0, NumpySum.sum(new double[] {1, 2}));
    }

    @Test
    void trapezoid() {
        assertEquals(0.75, NumpySum.trapz(new double[] {0, 0.5, 0.5, 1, 1}, new double[] {0, 0, 0.5, 0.5, 1}));
        assertEquals(Double.NaN, NumpySum.mean(new double[0]));
    }
}
