package org.raddiag.support.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.raddiag.api.data.FloatTensor;

class MlpShapesTest {
    private static FloatTensor t(long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return new FloatTensor(new float[(int) n], shape);
    }

    @Test
    void readsTheDimensions() {
        assertEquals(new MlpShapes(2, 8, 5, 3), MlpShapes.of(t(2, 8), t(5, 8), t(5), t(3, 5), t(3)));
        assertEquals(0, MlpShapes.of(t(0, 8), t(5, 8), t(5), t(3, 5), t(3)).batch());
    }

    @Test
    void namesTheTensorThatDoesNotFit() {
        assertEquals("shape mismatch: w1 has shape [5, 9], expected (hidden, 8) to match x [2, 8]", message(
                t(2, 8), t(5, 9), t(5), t(3, 5), t(3)));
        assertEquals("shape mismatch: b2 has shape [2], expected (3) to match w2 [3, 5]", message(
                t(2, 8), t(5, 8), t(5), t(3, 5), t(2)));
        assertEquals("x must have rank 2, got shape [16]", message(t(16), t(5, 8), t(5), t(3, 5), t(3)));
        assertEquals("b1 is null", message(t(2, 8), t(5, 8), null, t(3, 5), t(3)));
        assertEquals("mlp needs non-empty feature dimensions: x [2, 0], w1 [5, 0], w2 [3, 5]", message(
                t(2, 0), t(5, 0), t(5), t(3, 5), t(3)));
    }

    private static String message(FloatTensor x, FloatTensor w1, FloatTensor b1, FloatTensor w2, FloatTensor b2) {
        return assertThrows(IllegalArgumentException.class, () -> MlpShapes.of(x, w1, b1, w2, b2)).getMessage();
    }
}
