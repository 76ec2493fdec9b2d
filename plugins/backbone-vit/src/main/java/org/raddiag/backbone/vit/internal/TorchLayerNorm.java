package org.raddiag.backbone.vit.internal;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.raddiag.model.blocks.ReferenceBlock;

/**
 * {@code torch.nn.LayerNorm(width)} over the last axis: biased variance, eps 1e-5 added to the variance, keys
 * {@code weight} and {@code bias} (unlike the reference transformer's own LayerNorm used by Attention1D/vitFuse).
 */
final class TorchLayerNorm extends ReferenceBlock {
    private static final float EPS = 1e-5f;
    private final int width;
    private final Parameter weight;
    private final Parameter bias;

    TorchLayerNorm(int width) {
        this.width = width;
        weight = addReferenceParameter("weight", Parameter.Type.GAMMA, Initializer.ONES, width);
        bias = addReferenceParameter("bias", Parameter.Type.BETA, Initializer.ZEROS, width);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        var x = inputs.head();
        return LayerNorm.layerNorm(x, new Shape(width), ps.getValue(weight, x.getDevice(), training),
                ps.getValue(bias, x.getDevice(), training), EPS);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
