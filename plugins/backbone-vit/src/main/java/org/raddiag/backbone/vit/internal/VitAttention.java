package org.raddiag.backbone.vit.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.raddiag.model.blocks.ReferenceBlock;
import org.raddiag.model.blocks.Scalars;

/**
 * Pre-norm multi-head self-attention of the ViT: {@code LayerNorm -> to_qkv (Linear dim -> 3 * heads * dimHead, no
 * bias) -> softmax(q k^T / sqrt(dimHead)) v -> to_out (Linear, bias)}; dropout on the attention weights and the output
 * in training only. Input and output {@code (N, T, dim)}; the caller adds the residual.
 */
final class VitAttention extends ReferenceBlock {
    private final int dim;
    private final int heads;
    private final int dimHead;
    private final float dropout;
    private final TorchLayerNorm norm;
    private final Linear qkv;
    private final Linear out;

    VitAttention(int dim, int heads, int dimHead, float dropout) {
        this.dim = dim;
        this.heads = heads;
        this.dimHead = dimHead;
        this.dropout = dropout;
        norm = addReferenceChild("norm", new TorchLayerNorm(dim));
        qkv = addReferenceChild("to_qkv", Linear.builder().setUnits(3L * heads * dimHead).optBias(false).build());
        out = addReferenceChild("to_out", Linear.builder().setUnits(dim).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = norm.forward(ps, inputs, training).head();
        long n = x.getShape().get(0);
        long t = x.getShape().get(1);
        NDArray parts = qkv.forward(ps, new NDList(x), training).head()
                .reshape(n, t, 3, heads, dimHead).transpose(2, 0, 3, 1, 4); // (3, N, h, T, dh)
        NDArray q = Scalars.times(parts.get(0), (float) (1 / Math.sqrt(dimHead)));
        NDArray attn = q.matMul(parts.get(1).transpose(0, 1, 3, 2)).softmax(-1);
        attn = Dropout.dropout(attn, dropout, training).head();
        NDArray mixed = attn.matMul(parts.get(2)).transpose(0, 2, 1, 3).reshape(n, t, (long) heads * dimHead);
        NDArray y = out.forward(ps, new NDList(mixed), training).head();
        return Dropout.dropout(y, dropout, training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        norm.initialize(manager, dataType, new Shape(1, dim));
        qkv.initialize(manager, dataType, new Shape(1, dim));
        out.initialize(manager, dataType, new Shape(1, (long) heads * dimHead));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
