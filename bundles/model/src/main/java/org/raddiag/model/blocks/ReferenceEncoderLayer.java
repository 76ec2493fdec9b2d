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
 * One reference encoder layer: {@code x = x + MHA(x)} on the <em>un-normalised</em> x (the reference computes
 * {@code sublayer.0.norm} and discards it, so this block does not have it), then
 * {@code x = x + W2 relu(W1 LN1(x) + b1) + b2} with LN1 = {@code sublayer.1.norm}.
 *
 * <p>Input {@code x (B, T, d)} and optional key mask {@code (B, T)}; output {@code x}, attention probabilities and
 * scores of this layer.
 */
public final class ReferenceEncoderLayer extends ReferenceBlock {
    private final int model;
    private final int feedForward;
    private final ReferenceMultiHeadAttention attention;
    private final Linear w1;
    private final Linear w2;
    private final ReferenceLayerNorm norm;

    public ReferenceEncoderLayer(int model, int heads, int feedForward) {
        this.model = model;
        this.feedForward = feedForward;
        attention = addReferenceChild("self_attn", new ReferenceMultiHeadAttention(model, heads));
        w1 = addReferenceChild("feed_forward.w_1", Linear.builder().setUnits(feedForward).build());
        w2 = addReferenceChild("feed_forward.w_2", Linear.builder().setUnits(model).build());
        norm = addReferenceChild("sublayer.1.norm", new ReferenceLayerNorm(model));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList attn = attention.forward(ps, inputs, training);
        NDArray x = inputs.get(0).add(attn.get(0));
        NDArray h = norm.forward(ps, new NDList(x), training).head();
        h = Scalars.atLeast(w1.forward(ps, new NDList(h), training).head(), 0f);
        h = w2.forward(ps, new NDList(h), training).head();
        return new NDList(x.add(h), attn.get(1), attn.get(2));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        attention.initialize(manager, dataType, inputShapes);
        norm.initialize(manager, dataType, inputShapes[0]);
        w1.initialize(manager, dataType, new Shape(1, model));
        w2.initialize(manager, dataType, new Shape(1, feedForward));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return attention.getOutputShapes(inputShapes);
    }
}
