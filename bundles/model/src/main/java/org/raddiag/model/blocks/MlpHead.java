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
 * The reference classifier head {@code fc}: {@code Linear(in, hidden) -> GELU (exact erf form) -> Linear(hidden,
 * classes)}, keys {@code 0.weight/0.bias} and {@code 2.weight/2.bias}. Input {@code (B, in)}, output logits
 * {@code (B, classes)}.
 */
public final class MlpHead extends ReferenceBlock {
    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));
    private final int in;
    private final int hidden;
    private final int classes;
    private final Linear first;
    private final Linear second;

    public MlpHead(int in, int hidden, int classes) {
        this.in = in;
        this.hidden = hidden;
        this.classes = classes;
        first = addReferenceChild("0", Linear.builder().setUnits(hidden).build());
        second = addReferenceChild("2", Linear.builder().setUnits(classes).build());
    }

    /** {@code 0.5 x (1 + erf(x / sqrt 2))}. */
    public static NDArray gelu(NDArray x) {
        return x.mul(0.5f).mul(x.mul(INV_SQRT2).erf().add(1f));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return forwardWithTrace(ps, inputs, training).subNDList(0, 1);
    }

    /** Logits, then the activations before and after the GELU. */
    public NDList forwardWithTrace(ParameterStore ps, NDList inputs, boolean training) {
        NDArray pre = first.forward(ps, new NDList(inputs.head()), training).head();
        NDArray post = gelu(pre);
        return new NDList(second.forward(ps, new NDList(post), training).head(), pre, post);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        first.initialize(manager, dataType, new Shape(1, in));
        second.initialize(manager, dataType, new Shape(1, hidden));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
    }
}
