package org.raddiag.backbone.resnet.internal;

import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.model.blocks.ReferenceBlock;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.raddiag.testsupport.DjlTest;

/** RadNet from parts, skipping of empty slots and padded slices, the slice-attention output. */
class RadNetAssemblyTest extends DjlTest {
    private static final RadNetConfig TINY = new RadNetConfig(18, 4, 32, 7, 16, 1, 1, 4, 2, true);
    private static final Shape IMAGES = new Shape(2, 3, 1, 32, 32, 4);

    RadNetAssemblyTest() {
        super(11);
    }

    /** Case 0: slots CT, empty (marks still set), MR with one padded slice; case 1: one X-ray slice + 2 empty. */
    private NDList inputs() {
        NDArray images = manager.randomUniform(0f, 1f, IMAGES);
        NDArray mods = manager.create(new long[] {4, 0, 7, 1, 0, 0}, new Shape(2, 3, 1));
        NDArray marks = manager.create(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
            1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new Shape(2, 3, 4));
        return new NDList(images, mods, marks);
    }

    private RadNet init(RadNet net) {
        net.initialize(manager, DataType.FLOAT32, IMAGES, new Shape(2, 3), new Shape(2, 3, 4));
        return net;
    }

    private static void copyWeights(RadNet from, RadNet to) {
        Map<String, Parameter> dst = to.referenceParameters();
        assertEquals(from.referenceParameters().keySet(), dst.keySet());
        from.referenceParameters().forEach((k, p) -> dst.get(k).getArray().set(p.getArray().toFloatArray()));
    }

    /**
     * The largest difference relative to the larger magnitude (at least 1): float rounding, which differs with the
     * batch size oneDNN blocks for (more so in the NCHW layout it falls back to, see {@code ChannelsLast.sound}).
     */
    private static float maxDiff(NDArray a, NDArray b) {
        assertArrayEquals(a.getShape().getShape(), b.getShape().getShape());
        float scale = Math.max(1f, Math.max(a.abs().max().getFloat(), b.abs().max().getFloat()));
        return a.sub(b).abs().max().getFloat() / scale;
    }

    @Test
    void skippingEqualsRunningEverySliceAndSkipsTheBackbone() {
        Counting counting = new Counting(new ResNet2D(18, 3));
        RadNet net = init(RadNet.assemble(TINY, counting, 512, ReferenceNets.mlpBlock(32, 7)));
        net.setInferenceChunk(1000);
        NDList in = inputs();
        NDList skipped = net.forward(ps, in, false);
        assertEquals(List.of(8L), counting.batches); // 4 + 3 valid slices in case 0, 1 in case 1
        net.setSkipPadding(false);
        NDList full = net.forward(ps, in, false);
        assertEquals(24L, counting.batches.get(1));
        assertTrue(maxDiff(skipped.get(0), full.get(0)) < 1e-5f, "logits");
        NDArray nonEmpty = manager.create(new long[] {0, 2, 3});
        for (int o = 1; o <= 2; o++) {
            float d = maxDiff(skipped.get(o).get(nonEmpty), full.get(o).get(nonEmpty));
            assertTrue(d < 1e-5f, "output " + o + ": " + d);
        }
        // The empty slot with marks set sees zero features when skipped: its own rows differ, the logits do not.
        assertTrue(maxDiff(skipped.get(2).get(new NDIndex("1")), full.get(2).get(new NDIndex("1"))) > 1e-3f);
    }

    @Test
    void chunkedInferenceEqualsOnePassAndRunsTheBackboneInChunks() {
        Counting counting = new Counting(new ResNet2D(18, 3));
        RadNet net = init(RadNet.assemble(TINY, counting, 512, ReferenceNets.mlpBlock(32, 7)));
        net.setSkipPadding(false);
        net.setInferenceChunk(1000);
        NDList in = inputs();
        NDList whole = net.forward(ps, in, false);
        net.setInferenceChunk(5);
        NDList chunked = net.forward(ps, in, false);
        assertEquals(List.of(24L, 5L, 5L, 5L, 5L, 4L), counting.batches);
        for (int o = 0; o < 4; o++) {
            float d = maxDiff(whole.get(o), chunked.get(o));
            assertTrue(d < 1e-5f, "output " + o + ": " + d);
        }
    }

    @Test
    void sliceAttentionIsTheClsProbabilityRowWithoutClsColumn() {
        RadNet net = init(ReferenceNets.radNet(TINY));
        NDList out = net.forward(ps, inputs(), false);
        assertEquals(4, out.size());
        NDArray attention = out.get(3);
        assertArrayEquals(new long[] {2, 3, 4}, attention.getShape().getShape());
        assertEquals(0f, maxDiff(attention, out.get(2).get(new NDIndex(":, 1:")).reshape(2, 3, 4)));
        float[] a = attention.toFloatArray();
        assertEquals(0f, a[2 * 4 + 3], "padded slice of slot 2");
        assertEquals(0f, a[12 + 1]);
        assertTrue(a[12] > 0f);
        assertArrayEquals(new Shape[] {new Shape(2, 7), new Shape(6, 5), new Shape(6, 5), new Shape(2, 3, 4)},
                net.getOutputShapes(new Shape[] {IMAGES, new Shape(2, 3), new Shape(2, 3, 4)}));
    }

    @Test
    void allSlotsEmptyStillGivesLogits() {
        RadNet net = init(ReferenceNets.radNet(TINY));
        NDList in = inputs();
        NDList empty = new NDList(in.get(0), manager.zeros(new Shape(2, 3), DataType.INT64), in.get(2));
        NDArray skipped = net.forward(ps, empty, false).get(0);
        net.setSkipPadding(false);
        assertTrue(maxDiff(skipped, net.forward(ps, empty, false).get(0)) < 1e-5f);
    }

    @Test
    void assembledFromPartsEqualsTheReferenceBuild() {
        RadNet reference = init(ReferenceNets.radNet(TINY));
        RadNet assembled = init(RadNet.assemble(TINY, new ResNet2D(18, 3), 512, ReferenceNets.mlpBlock(32, 7)));
        copyWeights(reference, assembled);
        assertNotNull(reference.referenceParameters().get("projection.weight"));
        NDList in = inputs();
        assertEquals(0f, maxDiff(reference.forward(ps, in, false).get(0), assembled.forward(ps, in, false).get(0)));

        RadNetConfig wide = new RadNetConfig(18, 4, 512, 7, 16, 1, 1, 4, 2, false);
        RadNet noProjection = RadNet.assemble(wide, new ResNet2D(18, 3), 512, ReferenceNets.mlpBlock(512, 7));
        noProjection.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 1, 32, 32, 4), new Shape(1, 1),
                new Shape(1, 1, 4));
        assertNull(noProjection.referenceParameters().get("projection.weight"));
        assertEquals(new Shape(1, 7), noProjection.forward(ps, new NDList(manager.ones(new Shape(1, 1, 1, 32, 32, 4)),
                manager.zeros(new Shape(1, 1)), manager.ones(new Shape(1, 1, 4))), false).get(0).getShape());
    }

    @Test
    void trainingGradientsFlowThroughTheSkippedBackbone() {
        RadNet net = init(ReferenceNets.radNet(TINY));
        NDList in = inputs();
        Parameter conv1 = net.referenceParameters().get("resnet2D.conv1.weight");
        Parameter proj = net.referenceParameters().get("projection.weight");
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDList out = net.forward(new ParameterStore(manager, false), in, true);
            gc.backward(out.get(0).sum());
        }
        for (Parameter p : new Parameter[] {conv1, proj}) {
            NDArray g = p.getArray().getGradient();
            assertTrue(g.abs().sum().getFloat() > 0f, p.getName());
            assertTrue(g.isInfinite().logicalOr(g.isNaN()).none().getBoolean(), p.getName());
        }
    }

    /** A backbone wrapper recording the batch size of each call. */
    private static final class Counting extends AbstractBlock {
        final List<Long> batches = new ArrayList<>();
        private final Block inner;

        Counting(Block inner) {
            this.inner = addChildBlock("inner", inner);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                PairList<String, Object> params) {
            batches.add(inputs.head().getShape().get(0));
            return inner.forward(ps, inputs, training);
        }

        @Override
        protected void initializeChildBlocks(NDManager m, DataType t, Shape... shapes) {
            inner.initialize(m, t, shapes);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inner.getOutputShapes(inputShapes);
        }
    }
}
