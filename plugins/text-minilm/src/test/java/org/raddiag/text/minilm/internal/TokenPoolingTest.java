package org.raddiag.text.minilm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.raddiag.api.text.Pooling;

class TokenPoolingTest {
    // batch 2, tokens 3, dim 2
    private static final float[] HIDDEN = {3, 4, 1, 0, 100, 100, 0, 2, 9, 9, 9, 9};
    private static final long[][] MASK = {{1, 1, 0}, {1, 0, 0}};

    @Test
    void meanIsOverTheMaskedTokensThenUnitLength() {
        float[][] v = TokenPooling.pool(HIDDEN, 2, 3, 2, MASK, Pooling.MEAN);
        // text 0: mean of (3,4) and (1,0) = (2,2) -> (0.7071, 0.7071); the padded (100,100) is ignored
        assertArrayEquals(new float[] {0.70710677f, 0.70710677f}, v[0], 1e-6f);
        assertArrayEquals(new float[] {0, 1}, v[1], 1e-6f);
    }

    @Test
    void clsTakesTheFirstToken() {
        float[][] v = TokenPooling.pool(HIDDEN, 2, 3, 2, MASK, Pooling.CLS);
        assertArrayEquals(new float[] {0.6f, 0.8f}, v[0], 1e-6f);
        assertArrayEquals(new float[] {0, 1}, v[1], 1e-6f);
    }

    @Test
    void zeroVectorStaysZero() {
        assertArrayEquals(new float[] {0, 0}, TokenPooling.normalize(new double[] {0, 0}));
    }

    @Test
    void wrongShapeIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> TokenPooling.pool(HIDDEN, 2, 2, 2, MASK, Pooling.MEAN));
    }
}
