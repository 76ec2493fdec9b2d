package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The reference multi-head self-attention. Q, K, V and output projections are Linear layers with bias
 * ({@code linears.0..3}, PyTorch layout). Head h uses features {@code [h*d_k, (h+1)*d_k)};
 * {@code scores = Q K^T / sqrt(d_k)}; scores of masked <em>keys</em> are overwritten with exactly {@value #MASKED}
 * before the softmax; queries are never masked; no dropout.
 *
 * <p>Input: {@code x (B, T, d)} and optionally a key mask {@code (B, T)} (non-zero = valid). Output:
 * {@code out (B, T, d)}, {@code probs (B, h, T, T)}, {@code scores (B, h, T, T)}.
 */
public final class ReferenceMultiHeadAttention extends ReferenceBlock {
    /** Score written into masked key columns. */
    public static final float MASKED = -1e9f;
    private final int model;
    private final int heads;
    private final Linear[] linears = new Linear[4];

    public ReferenceMultiHeadAttention(int model, int heads) {
        if (model % heads != 0) {
            throw new IllegalArgumentException("width " + model + " is not divisible by " + heads + " heads");
        }
        this.model = model;
        this.heads = heads;
        for (int i = 0; i < 4; i++) {
            linears[i] = addReferenceChild("linears." + i, Linear.builder().setUnits(model).build());
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        long batch = x.getShape().get(0);
        long len = x.getShape().get(1);
        int dk = model / heads;
        NDArray q = split(linears[0].forward(ps, new NDList(x), training).head(), batch, len, dk);
        NDArray k = split(linears[1].forward(ps, new NDList(x), training).head(), batch, len, dk);
        NDArray v = split(linears[2].forward(ps, new NDList(x), training).head(), batch, len, dk);
        NDArray scores = Scalars.over(q.matMul(k.transpose(0, 1, 3, 2)), (float) Math.sqrt(dk));
        if (mask != null) {
            NDArray masked = mask.reshape(batch, 1, 1, len).eq(0).broadcast(scores.getShape());
            NDArray fill = x.getManager().full(scores.getShape(), MASKED, scores.getDataType());
            scores = NDArrays.where(masked, fill, scores);
        }
        NDArray probs = scores.softmax(-1);
        NDArray context = probs.matMul(v).transpose(0, 2, 1, 3).reshape(batch, len, model);
        NDArray out = linears[3].forward(ps, new NDList(context), training).head();
        return new NDList(out, probs, scores);
    }

    private NDArray split(NDArray projected, long batch, long len, int dk) {
        return projected.reshape(batch, len, heads, dk).transpose(0, 2, 1, 3);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Linear l : linears) {
            l.initialize(manager, dataType, new Shape(1, model));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        Shape attn = new Shape(x.get(0), heads, x.get(1), x.get(1));
        return new Shape[] {x, attn, attn};
    }

    public int heads() {
        return heads;
    }
}
