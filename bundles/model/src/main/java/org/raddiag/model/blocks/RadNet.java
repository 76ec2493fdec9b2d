package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The RadNet network ({@code modelRadNet.py}) without knowledge enhancement: every slice through the
 * {@link ResNet2D} trunk ({@code resnet2D}), optional projection to the hidden width, {@link Attention1D} over the
 * slices of each scan ({@code attention1D}), {@link VitFuse} over the scans of a case ({@code vitFuse}, early
 * fusion only) and the {@link MlpHead} ({@code fc}).
 *
 * <p>Early-fusion input: {@code images (B, S, 1, H, W, D)} (depth last, as the reference dataset emits),
 * {@code mods (B, S)} or {@code (B, S, 1)}, {@code marks (B, S, D)}. Late fusion: S = 1 and no mods (pass any).
 * Output: {@code logits (B, classes)}, then Attention1D's CLS score row {@code (B*S, D+1)} (for the key-slice
 * loss) and CLS attention row {@code (B*S, D+1)}. All slices run through the CNN, empty slots and padding
 * included, as in the reference.
 */
public final class RadNet extends ReferenceBlock {
    private final RadNetConfig config;
    private final ResNet2D resnet;
    private final Linear projection;
    private final Attention1D attention;
    private final VitFuse fuse;
    private final MlpHead head;

    public RadNet(RadNetConfig config) {
        this.config = config;
        int h = config.hidden();
        resnet = addReferenceChild("resnet2D", new ResNet2D(config.resnetLayers(), 3));
        projection = resnet.featureWidth() == h ? null
                : addReferenceChild("projection", Linear.builder().setUnits(h).build());
        attention = addReferenceChild("attention1D",
                new Attention1D(h, config.depth(), config.poolHeads(), config.poolLayers(), h));
        fuse = config.earlyFusion() ? addReferenceChild("vitFuse",
                new VitFuse(config.modalities(), h, config.fusionHeads(), config.fusionLayers(), h)) : null;
        head = addReferenceChild("fc", new MlpHead(h, h, config.classes()));
    }

    public RadNetConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray images = inputs.get(0);
        Shape s = images.getShape();
        long b = s.get(0);
        long slots = s.get(1);
        long height = s.get(3);
        long width = s.get(4);
        long depth = s.get(5);
        NDArray slices = images.transpose(0, 1, 5, 2, 3, 4).reshape(b * slots * depth, 1, height, width)
                .repeat(1, 3);
        NDArray feats = resnet.forward(ps, new NDList(slices), training).head();
        if (projection != null) {
            feats = projection.forward(ps, new NDList(feats), training).head();
        }
        feats = feats.reshape(b * slots, depth, config.hidden());
        NDArray marks = inputs.get(2).reshape(b * slots, depth);
        NDList pooled = attention.forward(ps, new NDList(feats, marks), training);
        NDArray caseFeature = pooled.get(0);
        if (fuse != null) {
            caseFeature = fuse.forward(ps, new NDList(caseFeature.reshape(b, slots, config.hidden()), inputs.get(1)),
                    training).head();
        }
        NDArray logits = head.forward(ps, new NDList(caseFeature), training).head();
        return new NDList(logits, pooled.get(2), pooled.get(1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        int h = config.hidden();
        int d = config.depth();
        resnet.initialize(manager, dataType, new Shape(1, 3, 32, 32));
        if (projection != null) {
            projection.initialize(manager, dataType, new Shape(1, resnet.featureWidth()));
        }
        attention.initialize(manager, dataType, new Shape(1, d, h), new Shape(1, d));
        if (fuse != null) {
            fuse.initialize(manager, dataType, new Shape(1, 1, h), new Shape(1, 1));
        }
        head.initialize(manager, dataType, new Shape(1, h));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        Shape rows = new Shape(s.get(0) * s.get(1), s.get(5) + 1);
        return new Shape[] {new Shape(s.get(0), config.classes()), rows, rows};
    }
}
