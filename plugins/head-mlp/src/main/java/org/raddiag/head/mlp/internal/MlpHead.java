package org.raddiag.head.mlp.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.raddiag.model.blocks.Gelu;
import org.raddiag.model.blocks.ReferenceBlock;

/**
 * The reference classifier head {@code fc}: {@code Linear(in, hidden) -> GELU (exact erf form) -> Linear(hidden,
 * classes)}, keys {@code 0.weight/0.bias} and {@code 2.weight/2.bias}. Input {@code (B, in)}, output logits
 * {@code (B, classes)}.
 */
public final class MlpHead extends ReferenceBlock {
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

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return forwardWithTrace(ps, inputs, training).subNDList(0, 1);
    }

    /** Logits, then the activations before and after the GELU. */
    public NDList forwardWithTrace(ParameterStore ps, NDList inputs, boolean training) {
        NDArray pre = first.forward(ps, new NDList(inputs.head()), training).head();
        NDArray post = Gelu.exact(pre);
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
