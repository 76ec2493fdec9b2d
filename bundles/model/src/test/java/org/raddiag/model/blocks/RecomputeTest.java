package org.raddiag.model.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.raddiag.testsupport.DjlTest;

/**
 * A checkpointed segment gives the parameter gradients of the plain step, moves BatchNorm's running statistics once,
 * and keeps no activations of its own graph from the forward pass.
 */
class RecomputeTest extends DjlTest {
    RecomputeTest() {
        super(7);
    }

    /** conv, BatchNorm, ReLU: the shape of a trunk's stem. */
    private final class Stem {
        final Conv2d conv = Conv2d.builder().setFilters(4).setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                .optBias(false).build();
        final ReferenceBatchNorm2d bn = new ReferenceBatchNorm2d(4);

        Stem() {
            conv.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 6, 6));
            bn.initialize(manager, DataType.FLOAT32, new Shape(2, 4, 6, 6));
        }

        NDArray apply(NDArray x) {
            NDArray c = conv.forward(ps, new NDList(x), true).head();
            return Activation.relu(bn.forward(ps, new NDList(c), true).head());
        }

        List<float[]> gradients() {
            List<float[]> g = new ArrayList<>();
            for (Parameter p : List.of(conv.getParameters().get("weight"), bn.getParameters().get("weight"),
                    bn.getParameters().get("bias"))) {
                g.add(p.getArray().getGradient().toFloatArray());
            }
            return g;
        }

        float[] runningMean() {
            return bn.getParameters().get("running_mean").getArray().toFloatArray();
        }
    }

    /** One step: {@code sum((segment(x) * w)^2)}, backward, the segment possibly checkpointed. */
    private static void step(Stem stem, NDArray x, NDArray w, boolean checkpointed) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector();
                Recompute session = checkpointed ? Recompute.session(1) : null) {
            UnaryOperator<NDArray> segment = stem::apply;
            NDArray y = Recompute.checkpoint(x, segment);
            NDArray loss = y.mul(w).square().sum();
            gc.backward(loss);
            if (session != null) {
                session.backward();
            }
        }
    }

    @Test
    void checkpointedGradientsAndStatisticsAreThePlainOnes() {
        NDArray x = manager.randomNormal(new Shape(2, 3, 6, 6));
        NDArray w = manager.randomNormal(new Shape(2, 4, 6, 6));
        Stem plain = new Stem();
        Stem checkpointed = new Stem();
        for (Parameter p : plain.conv.getParameters().values()) {
            checkpointed.conv.getParameters().get(p.getName()).getArray().set(p.getArray().toFloatArray());
        }
        step(plain, x, w, false);
        step(checkpointed, x, w, true);
        List<float[]> expected = plain.gradients();
        List<float[]> got = checkpointed.gradients();
        for (int i = 0; i < expected.size(); i++) {
            assertFalse(allZero(expected.get(i)), "gradient " + i + " reached the parameter");
            assertArrayEquals(expected.get(i), got.get(i), 1e-6f, "gradient " + i);
        }
        // the running mean moved by one update (momentum 0.1 from zeros), not two
        assertArrayEquals(plain.runningMean(), checkpointed.runningMean(), 1e-7f);
        assertFalse(allZero(plain.runningMean()), "the batch moved the running mean");
    }

    @Test
    void segmentsAreCheckpointedOnlyInASessionWithGradients() {
        assertFalse(Recompute.checkpoints(), "no session");
        try (Recompute session = Recompute.session(1)) {
            assertFalse(Recompute.checkpoints(), "no gradient collector: nothing to recompute for");
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                assertTrue(Recompute.checkpoints());
                assertEquals(1, Recompute.units());
            }
            assertThrows(IllegalStateException.class, () -> Recompute.session(1), "one session per thread");
        }
        assertFalse(Recompute.checkpoints(), "closed");
    }

    @Test
    void anInputThatNeedsAGradientIsRefused() {
        NDArray x = manager.randomNormal(new Shape(2, 3, 6, 6));
        x.setRequiresGradient(true);
        Stem stem = new Stem();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector();
                Recompute session = Recompute.session(1)) {
            assertThrows(IllegalArgumentException.class, () -> Recompute.checkpoint(x, stem::apply));
        }
    }

    private static boolean allZero(float[] v) {
        for (float f : v) {
            if (f != 0) {
                return false;
            }
        }
        return true;
    }
}
