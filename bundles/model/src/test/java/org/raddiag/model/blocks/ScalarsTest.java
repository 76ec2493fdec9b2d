package org.raddiag.model.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The gradients through {@link Scalars} stay right when the Java heap is collected between the forward and the
 * backward pass and the freed native memory is reused (with DJL's {@code mul(Number)} in place of
 * {@link Scalars#times} this test fails in most rounds: the saved constant is read from freed memory).
 */
class ScalarsTest {
    private static final int ROUNDS = 20;

    /** Collects, lets the cleaners run and fills the freed small blocks with NaN. */
    private static List<ByteBuffer> collectAndScribble() throws InterruptedException {
        System.gc();
        Thread.sleep(20);
        List<ByteBuffer> junk = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            b.putFloat(0, Float.NaN);
            junk.add(b);
        }
        return junk;
    }

    private static float[] gradient(UnaryOperator<NDArray> f, float[] values) throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(values);
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(x).sum();
                List<ByteBuffer> junk = collectAndScribble();
                gc.backward(y);
                junk.clear();
            }
            return x.getGradient().toFloatArray();
        }
    }

    @Test
    void timesOverAndAtLeastKeepTheirConstantForBackward() throws Exception {
        float[] x = {-2f, 0.5f, 3f};
        for (int round = 0; round < ROUNDS; round++) {
            assertArrayEquals(new float[] {3f, 3f, 3f}, gradient(a -> Scalars.times(a, 3f), x), "times, round " + round);
            assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, gradient(a -> Scalars.over(a, 4f), x),
                    "over, round " + round);
            assertArrayEquals(new float[] {0f, 1f, 1f}, gradient(a -> Scalars.atLeast(a, 0f), x),
                    "atLeast, round " + round);
        }
    }
}
