package org.raddiag.backbone.vit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.raddiag.testsupport.DjlTest;

class Vit2DTest extends DjlTest {
    static final VitSettings SMALL = new VitSettings(16, 4, 1, 16, 2, 2, 8, 32, 0.1f, 0.1f);

    Vit2DTest() {
        super(21);
    }

    private Vit2D vit(VitSettings s) {
        Vit2D v = new Vit2D(s);
        v.initialize(manager, DataType.FLOAT32, new Shape(1, 3, s.imageSize(), s.imageSize()));
        return v;
    }

    private static float maxDiff(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }

    /** Closed form: patch LN + Linear + LN, positions, CLS, per layer LN + qkv + out + LN + 2 Linear, LN, head. */
    static long expectedParameters(VitSettings s) {
        long d = s.dim();
        long inner = (long) s.heads() * s.dimHead();
        long pd = s.patchDim();
        long layer = 2 * d + d * 3 * inner + inner * d + d + 2 * d + d * s.mlpDim() + s.mlpDim() + s.mlpDim() * d + d;
        return 2 * pd + pd * d + d + 2 * d + (long) s.grid() * d + d + s.depth() * layer + 2 * d + 2 * (d * d + d);
    }

    @Test
    void forwardShapeDropoutOnlyInTrainingAndParameterCount() {
        Vit2D v = vit(SMALL);
        NDArray x = manager.randomUniform(0f, 1f, new Shape(3, 1, 16, 16)).repeat(1, 3);
        NDArray eval = v.forward(ps, new NDList(x), false).head();
        assertArrayEquals(new long[] {3, 16}, eval.getShape().getShape());
        assertEquals(0f, maxDiff(eval, v.forward(ps, new NDList(x), false).head()));
        assertTrue(maxDiff(eval, v.forward(ps, new NDList(x), true).head()) > 1e-4f, "dropout acts in training");

        long count = v.referenceParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
        assertEquals(5344L, count);
        assertEquals(expectedParameters(SMALL), count);
        assertEquals(159_768_704L, expectedParameters(VitSettings.reference()));
        assertTrue(v.referenceParameters().containsKey("transformer.layers.1.attn.to_qkv.weight"));
        assertTrue(!v.referenceParameters().containsKey("transformer.layers.1.attn.to_qkv.bias"));
    }

    @Test
    void withoutDropoutTrainingEqualsInferenceAndGradientsReachEveryPart() {
        VitSettings s = new VitSettings(16, 4, 1, 16, 2, 2, 8, 32, 0f, 0f);
        Vit2D v = vit(s);
        NDArray x = manager.randomUniform(0f, 1f, new Shape(2, 3, 16, 16));
        NDArray eval = v.forward(ps, new NDList(x), false).head();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray train = v.forward(ps, new NDList(x), true).head();
            assertTrue(maxDiff(eval, train) < 1e-6f);
            gc.backward(train.square().sum());
        }
        for (Map.Entry<String, Parameter> e : v.referenceParameters().entrySet()) {
            NDArray g = e.getValue().getArray().getGradient();
            assertTrue(g.isNaN().logicalOr(g.isInfinite()).none().getBoolean(), e.getKey());
            assertTrue(g.abs().sum().getFloat() > 0f, e.getKey());
        }
    }

    @Test
    void oneChannelModelUsesTheFirstOfTheRepeatedChannels() {
        Vit2D one = vit(SMALL);
        NDArray slice = manager.randomUniform(0f, 1f, new Shape(2, 1, 16, 16));
        assertEquals(0f, maxDiff(one.forward(ps, new NDList(slice), false).head(),
                one.forward(ps, new NDList(slice.repeat(1, 3)), false).head()));

        Vit2D three = vit(new VitSettings(16, 4, 3, 16, 1, 2, 8, 32, 0f, 0f));
        assertArrayEquals(new long[] {16, 48},
                three.referenceParameters().get("to_patch_embedding.2.weight").getArray().getShape().getShape());
        assertEquals(0f, maxDiff(three.forward(ps, new NDList(slice), false).head(),
                three.forward(ps, new NDList(slice.repeat(1, 3)), false).head()));
        assertThrows(IllegalArgumentException.class,
                () -> one.forward(ps, new NDList(manager.zeros(new Shape(1, 3, 32, 32))), false));
        assertThrows(IllegalArgumentException.class,
                () -> one.forward(ps, new NDList(manager.zeros(new Shape(1, 2, 16, 16))), false));
    }

    @Test
    void patchesAreRowMajorAndFlattenedP1P2C() {
        Vit2D three = vit(new VitSettings(8, 4, 3, 8, 1, 1, 8, 8, 0f, 0f));
        NDArray img = manager.arange(0f, 3 * 8 * 8).reshape(1, 3, 8, 8);
        NDArray p = three.patches(img);
        assertArrayEquals(new long[] {1, 4, 48}, p.getShape().getShape());
        float[] v = p.toFloatArray();
        // patch 1 = row 0, column 1 (x 4..7); element (p1=1, p2=2, c=2) sits at (1 * 4 + 2) * 3 + 2
        int at = 48 + (1 * 4 + 2) * 3 + 2;
        assertEquals(2 * 64 + 1 * 8 + 4 + 2, v[at]);
        assertEquals(0f, v[0]);
        assertEquals(64f, v[1]); // c fastest
    }

    @Test
    void positionOfPatchIJConcatenatesRowIAndColumnJ() {
        Vit2D v = vit(SMALL); // grid 4, dim 16: row width 8, column width 8
        Map<String, Parameter> p = v.referenceParameters();
        p.get("pos_row").getArray().set(manager.arange(0f, 32f).toFloatArray());
        p.get("pos_col").getArray().set(manager.arange(100f, 132f).toFloatArray());
        NDArray pos = v.positions(ps, manager.zeros(new Shape(1)), false);
        assertArrayEquals(new long[] {16, 16}, pos.getShape().getShape());
        float[] r = pos.get(2 * 4 + 3).toFloatArray(); // patch (2, 3)
        assertEquals(16f, r[0]);
        assertEquals(23f, r[7]);
        assertEquals(124f, r[8]);
        assertEquals(131f, r[15]);
    }
}
