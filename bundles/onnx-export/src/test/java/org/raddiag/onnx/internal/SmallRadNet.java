package org.raddiag.onnx.internal;

import org.raddiag.onnx.testing.DjlNets;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.onnx.Weights;

/**
 * Test fixture: a DJL RadNet (the test-only {@link TinyParts} backbone and head, image 32, depth 4, 2 slots, 5 classes)
 * with random weights, an input with padded slices and an empty slot, and the DJL outputs for it. Export it with
 * {@link TinyParts#converters()}.
 */
final class SmallRadNet {
    static final int B = 2;
    static final int SLOTS = 2;
    static final int DEPTH = 4;
    static final int SIZE = 32;
    static final int CLASSES = 5;
    static final float QK_SCALE = 1e-2f;
    static final long[] MODS = {4, 7, 1, 0};
    static final long[] MARKS = {1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0};

    final ArchitectureConfig arch;
    final Weights weights;
    final float[] images;
    /** DJL logits (B, C). */
    final float[] logits;
    /** DJL CLS attention without the CLS column, (B, S, D). */
    final float[] attention;

    SmallRadNet(NDManager manager, int hidden, long seed) {
        RadNetConfig cfg = new RadNetConfig(18, DEPTH, hidden, CLASSES, 16, 1, 1, 4, 2, true);
        RadNet net = RadNet.assemble(cfg, new TinyParts.Backbone(), TinyParts.WIDTH, new TinyParts.Head(hidden, CLASSES));
        net.initialize(manager, DataType.FLOAT32, new Shape(B, SLOTS, 1, SIZE, SIZE, DEPTH), new Shape(B, SLOTS),
                new Shape(B, SLOTS, DEPTH));
        DjlNets.randomise(net, seed);
        // Shrink Q and K of the depth pooling so that its softmax is not saturated (all attention on CLS) and the
        // slice attention carries information, making its comparison mean something.
        net.referenceParameters().forEach((k, p) -> {
            if (k.matches("attention1D\\..*self_attn\\.linears\\.[01]\\.weight")) {
                p.getArray().muli(QK_SCALE);
            }
        });
        NDArray x = manager.randomUniform(0f, 1f, new Shape(B, SLOTS, 1, SIZE, SIZE, DEPTH));
        NDList out = net.forward(new ParameterStore(manager, false), new NDList(x,
                manager.create(MODS, new Shape(B, SLOTS)), manager.create(MARKS, new Shape(B, SLOTS, DEPTH))), false);
        images = x.toFloatArray();
        logits = out.get(0).toFloatArray();
        attention = out.get(2).get(new NDIndex(":, 1:")).toFloatArray();
        weights = DjlNets.weights(net, "");
        arch = new ArchitectureConfig(Map.of(ArchitectureConfig.BACKBONE, TinyParts.BACKBONE,
                ArchitectureConfig.IMAGE_SIZE, "" + SIZE, ArchitectureConfig.DEPTH, "" + DEPTH,
                ArchitectureConfig.SLOTS, "" + SLOTS, ArchitectureConfig.HIDDEN, "" + hidden,
                ArchitectureConfig.CLASSES, "" + CLASSES, ArchitectureConfig.FUSION, "early",
                ArchitectureConfig.HEAD, TinyParts.HEAD));
    }
}
