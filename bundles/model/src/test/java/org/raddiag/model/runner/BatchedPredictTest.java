package org.raddiag.model.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.FloatTensor;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.model.ModelOutput;
import org.raddiag.core.diagnosis.internal.BatchSettings;
import org.raddiag.core.diagnosis.internal.InputStack;
import org.raddiag.core.diagnosis.internal.MicroBatcher;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;

/**
 * Batched forward passes on the real PyTorch engine (a tiny early-fusion RadNet, random weights): cases with
 * different slot counts, depths, padded slices and empty slots, stacked into one pass (padded with masks), give the
 * same logits and slice attention as each case run alone, within 1e-5.
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

    /** One case: {@code slots} slots of {@code depth} slices, the first {@code filled} slots holding a scan. */
    private static ModelInput randomCase(Random r, int slots, int filled, int depth) {
        float[] px = new float[slots * SIZE * SIZE * depth];
        long[] mods = new long[slots];
        long[] marks = new long[slots * depth];
        long[] keys = new long[slots];
        Arrays.fill(keys, -1);
        for (int s = 0; s < filled; s++) {
            mods[s] = 1 + r.nextInt(15);
            int valid = 1 + r.nextInt(depth);
            keys[s] = r.nextInt(valid);
            for (int d = 0; d < valid; d++) {
                marks[s * depth + d] = 1;
                for (int p = 0; p < SIZE * SIZE; p++) {
                    px[(s * SIZE * SIZE + p) * depth + d] = r.nextFloat();
                }
            }
        }
        return new ModelInput(new FloatTensor(px, 1, slots, 1, SIZE, SIZE, depth), mods, marks, keys);
    }

    private static List<ModelInput> cases() {
        Random r = new Random(42);
        List<ModelInput> in = new ArrayList<>();
        int[][] layouts = {{4, 4, 6}, {4, 1, 6}, {2, 2, 3}, {1, 1, 6}, {3, 2, 5}, {4, 3, 4}};
        for (int[] l : layouts) {
            in.add(randomCase(r, l[0], l[1], l[2]));
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
        List<ModelOutput> together = InputStack.split(model.predict(InputStack.stack(in)), in);
        for (int i = 0; i < in.size(); i++) {
            double d = diff(in.get(i), alone.get(i), together.get(i));
            assertTrue(d <= 1e-5, "case " + i + " differs by " + d);
        }
    }

    @Test
    void concurrentRequestsThroughTheBatcherEqualUnbatchedResults() throws Exception {
        List<ModelInput> in = cases();
        List<ModelOutput> alone = new ArrayList<>();
        for (ModelInput x : in) {
            alone.add(model.predict(x));
        }
        MicroBatcher batcher = new MicroBatcher(BatchSettings.of(4, 5000));
        List<MicroBatcher.Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            tickets.add(batcher.expect("tiny@pytorch"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(in.size());
        try {
            List<Future<ModelOutput>> out = new ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                ModelInput x = in.get(i);
                MicroBatcher.Ticket t = tickets.get(i);
                out.add(pool.submit(() -> batcher.submit(t, x, model::predict)));
            }
            for (int i = 0; i < in.size(); i++) {
                double d = diff(in.get(i), alone.get(i), out.get(i).get(60, TimeUnit.SECONDS));
                assertTrue(d <= 1e-5, "request " + i + " differs by " + d);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(6, batcher.requests());
        assertEquals(2, batcher.passes()); // 4 + 2 with at most 4 cases per pass
    }
}
