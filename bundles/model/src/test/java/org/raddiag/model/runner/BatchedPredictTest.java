package org.raddiag.model.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raddiag.api.model.ModelBatch;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.model.ModelOutput;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.testsupport.ModelInputs;
import org.raddiag.model.blocks.RadNetConfig;

/**
 * Batched forward passes on the real PyTorch engine (a tiny early-fusion RadNet, random weights): cases with
 * different slot counts, depths, padded slices and empty slots, stacked into one pass ({@link ModelBatch}, padded
 * with masks), give the same logits and slice attention as each case run alone, within 1e-5. The micro-batcher
 * around it is tested in core ({@code MicroBatcherTest}) and with this model in the framework ({@code BatchingIT}).
 */
class BatchedPredictTest {
    private static final RadNetConfig TINY = new RadNetConfig(18, 6, 32, 7, 16, 1, 1, 4, 2, true);
    private static final int SIZE = 32;
    private NDManager manager;
    private RadNetModel model;

    @BeforeEach
    void build() {
        manager = Engine.getEngine("PyTorch").newBaseManager();
        manager.getEngine().setRandomSeed(5);
        // a test-only backbone (3x3/2 conv, ReLU, global pooling) and linear head: the batching is what is tested
        RadNet net = RadNet.assemble(TINY, new SequentialBlock().add(Conv2d.builder().setFilters(16)
                .setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1)).build())
                .add(Activation::relu).add(Pool.globalAvgPool2dBlock()), 16,
                Linear.builder().setUnits(TINY.classes()).build());
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 4, 1, SIZE, SIZE, 6), new Shape(1, 4),
                new Shape(1, 4, 6));
        net.getParameters().values().forEach(p -> p.getArray().setRequiresGradient(false));
        model = new RadNetModel(null, net, manager, Set.of("test-conv", "test-linear"));
    }

    @AfterEach
    void close() {
        model.close();
    }

    private static List<ModelInput> cases() {
        Random r = new Random(42);
        List<ModelInput> in = new ArrayList<>();
        int[][] layouts = {{4, 4, 6}, {4, 1, 6}, {2, 2, 3}, {1, 1, 6}, {3, 2, 5}, {4, 3, 4}};
        for (int[] l : layouts) {
            in.add(ModelInputs.random(r, l[0], l[1], l[2], SIZE));
        }
        return in;
    }

    /** Largest difference over logits and the attention of the valid slices of filled slots. */
    private static double diff(ModelInput in, ModelOutput a, ModelOutput b) {
        assertEquals(a.classes(), b.classes());
        assertEquals(a.slots(), b.slots());
        assertEquals(a.depth(), b.depth());
        double m = 0;
        for (int i = 0; i < a.logits().length; i++) {
            m = Math.max(m, Math.abs(a.logits()[i] - b.logits()[i]));
        }
        for (int s = 0; s < in.slots(); s++) {
            if (in.modalityCodes()[s] == 0) {
                continue; // the attention of an empty slot is meaningless (the reference's too)
            }
            for (int d = 0; d < in.depth(); d++) {
                int i = s * in.depth() + d;
                m = Math.max(m, Math.abs(a.sliceAttention()[i] - b.sliceAttention()[i]));
            }
        }
        return m;
    }

    @Test
    void stackedPassEqualsEachCaseAlone() {
        List<ModelInput> in = cases();
        List<ModelOutput> alone = new ArrayList<>();
        for (ModelInput x : in) {
            alone.add(model.predict(x));
        }
        List<ModelOutput> together = ModelBatch.split(model.predict(ModelBatch.stack(in)), in);
        for (int i = 0; i < in.size(); i++) {
            double d = diff(in.get(i), alone.get(i), together.get(i));
            assertTrue(d <= 1e-5, "case " + i + " differs by " + d);
        }
    }
}
