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
import org.raddiag.model.blocks.Gelu;
import org.raddiag.model.blocks.ReferenceBlock;

/**
 * Pre-norm feed-forward of the ViT: {@code LayerNorm -> Linear(dim, mlpDim) -> GELU (erf) -> Linear(mlpDim, dim)},
 * dropout after the GELU and at the end in training only. The caller adds the residual.
 */
final class VitFeedForward extends ReferenceBlock {
    private final int dim;
    private final int mlpDim;
    private final float dropout;
    private final TorchLayerNorm norm;
    private final Linear fc1;
    private final Linear fc2;

    VitFeedForward(int dim, int mlpDim, float dropout) {
        this.dim = dim;
        this.mlpDim = mlpDim;
        this.dropout = dropout;
        norm = addReferenceChild("norm", new TorchLayerNorm(dim));
        fc1 = addReferenceChild("fc1", Linear.builder().setUnits(mlpDim).build());
        fc2 = addReferenceChild("fc2", Linear.builder().setUnits(dim).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = norm.forward(ps, inputs, training).head();
        x = Gelu.exact(fc1.forward(ps, new NDList(x), training).head());
        x = Dropout.dropout(x, dropout, training).head();
        return Dropout.dropout(fc2.forward(ps, new NDList(x), training).head(), dropout, training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        norm.initialize(manager, dataType, new Shape(1, dim));
        fc1.initialize(manager, dataType, new Shape(1, dim));
        fc2.initialize(manager, dataType, new Shape(1, mlpDim));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
