package org.raddiag.head.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KnowledgeHeadBlockTest {
    static final int C = 5;
    static final int E = 6;
    static final int H = 4;
    static final int B = 3;
    private NDManager manager;
    private ParameterStore ps;
    private KnowledgeHeadBlock head;
    private float[] x;

    static float[] random(long seed, int n) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        ps = new ParameterStore(manager, false);
        head = new KnowledgeHeadBlock(new LabelEmbeddings(random(1, C * E), C, E), H);
        head.initialize(manager, DataType.FLOAT32, new Shape(B, H));
        x = random(2, B * H);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private Parameter param(String name) {
        return head.referenceParameters().get("fcke." + name);
    }

    /** x (E W^T + b)^T in double precision from the block's current weights. */
    private float[] expected() {
        float[] e = random(1, C * E);
        float[] w = param("weight").getArray().toFloatArray();
        float[] b = param("bias").getArray().toFloatArray();
        float[] out = new float[B * C];
        for (int c = 0; c < C; c++) {
            double[] p = new double[H];
            for (int h = 0; h < H; h++) {
                p[h] = b[h];
                for (int k = 0; k < E; k++) {
                    p[h] += (double) e[c * E + k] * w[h * E + k];
                }
            }
            for (int i = 0; i < B; i++) {
                double s = 0;
                for (int h = 0; h < H; h++) {
                    s += x[i * H + h] * p[h];
                }
                out[i * C + c] = (float) s;
            }
        }
        return out;
    }

    private float[] logits(boolean training) {
        NDArray in = manager.create(x, new Shape(B, H));
        NDArray out = head.forward(ps, new NDList(in), training).head();
        assertArrayEquals(new long[] {B, C}, out.getShape().getShape());
        return out.toFloatArray();
    }

    @Test
    void logitsAreTheProductWithTheProjectedEmbeddingsInBothModes() {
        assertEquals(java.util.Set.of("fcke.weight", "fcke.bias"), head.referenceParameters().keySet());
        assertArrayEquals(new long[] {H, E}, param("weight").getArray().getShape().getShape());
        assertArrayEquals(expected(), logits(false), 1e-5f);
        assertArrayEquals(expected(), logits(true), 1e-5f);
        assertArrayEquals(new Shape[] {new Shape(7, C)}, head.getOutputShapes(new Shape[] {new Shape(7, H)}));
    }

    @Test
    void inferenceCachesTheClassMatrixPerWeightVersion() {
        float[] first = logits(false);
        logits(false);
        assertEquals(1, head.cacheRefreshes());

        param("weight").getArray().set(random(3, H * E)); // in place, as a checkpoint load does
        float[] afterWeight = logits(false);
        assertEquals(2, head.cacheRefreshes());
        assertArrayEquals(expected(), afterWeight, 1e-5f);
        assertTrue(Math.abs(afterWeight[0] - first[0]) > 1e-4f);

        param("bias").getArray().set(random(4, H));
        assertArrayEquals(expected(), logits(false), 1e-5f);
        assertEquals(3, head.cacheRefreshes());
        logits(true);
        assertEquals(3, head.cacheRefreshes(), "training never uses or fills the cache");
    }

    @Test
    void trainingModeGivesTheProjectionGradients() {
        NDArray in = manager.create(x, new Shape(B, H));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(head.forward(ps, new NDList(in), true).head().sum());
        }
        // d(sum logits)/db_h = sum_i x_ih * C ; d/dW_hk = sum_i x_ih * sum_c E_ck
        float[] gb = param("bias").getArray().getGradient().toFloatArray();
        float[] gw = param("weight").getArray().getGradient().toFloatArray();
        float[] e = random(1, C * E);
        for (int h = 0; h < H; h++) {
            double xs = 0;
            for (int i = 0; i < B; i++) {
                xs += x[i * H + h];
            }
            assertEquals(xs * C, gb[h], 1e-4);
            for (int k = 0; k < E; k++) {
                double es = 0;
                for (int c = 0; c < C; c++) {
                    es += e[c * E + k];
                }
                assertEquals(xs * es, gw[h * E + k], 1e-4);
            }
        }
    }

    @Test
    void forwardsInsideScopesKeepTheTablesForTheNextStep() {
        // the trainer runs every step in an NDScope that closes what was made in it
        for (int step = 0; step < 3; step++) {
            for (boolean training : new boolean[] {true, false}) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    assertArrayEquals(expected(), logits(training), 1e-5f, "step " + step + ", training " + training);
                }
            }
        }
    }

    @Test
    void embeddingsMustFitTheirShape() {
        assertThrows(IllegalArgumentException.class, () -> new LabelEmbeddings(new float[5], 2, 3));
        LabelEmbeddings n = new LabelEmbeddings(new float[] {3, 4, 0, 0}, 2, 2).normalized();
        assertArrayEquals(new float[] {0.6f, 0.8f, 0, 0}, n.values(), 1e-7f);
    }
}
