package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * What the depth pooling ({@link Attention1D}) and the early fusion ({@link VitFuse}) share: a {@code cls_token} put
 * before L rows, the key mask {@code [1, marks]} (CLS is never masked), the {@link ReferenceTransformerEncoder}
 * {@code transformer_encoder} over the L + 1 rows, and the first outputs of the trace as the block's outputs.
 */
abstract class ClsEncoderBlock extends ReferenceBlock {
    final int hidden;
    private final int outputs;
    private Parameter clsToken;
    private ReferenceTransformerEncoder encoder;

    /** @param outputs how many leading entries of {@link #forwardWithTrace} the block outputs */
    ClsEncoderBlock(int hidden, int outputs) {
        this.hidden = hidden;
        this.outputs = outputs;
    }

    /** Adds the {@code (1, 1, hidden)} CLS token; a subclass calls it where the reference declares the token. */
    final void addClsToken() {
        clsToken = addReferenceParameter("cls_token", Parameter.Type.WEIGHT, new NormalInitializer(1f), 1, 1, hidden);
    }

    /** Adds the encoder; a subclass calls it after its parameters, as the reference declares it. */
    final void addEncoder(int heads, int numLayers, int feedForward) {
        encoder = addReferenceChild("transformer_encoder",
                new ReferenceTransformerEncoder(hidden, heads, feedForward, numLayers));
    }

    /** {@code [cls, x]} {@code (N, L + 1, hidden)} for {@code x} {@code (N, L, hidden)}. */
    final NDArray withCls(ParameterStore ps, NDArray x, boolean training) {
        NDArray cls = ps.getValue(clsToken, x.getDevice(), training).broadcast(x.getShape().get(0), 1, hidden);
        return cls.concat(x, 1);
    }

    /** The key mask {@code (N, L + 1)}: true for CLS, then {@code valid} {@code (N, L)} (boolean). */
    static NDArray keyMask(NDArray valid) {
        return valid.getManager().ones(new Shape(valid.getShape().get(0), 1)).neq(0).concat(valid, 1);
    }

    /** The encoder's outputs: sequence, last layer's probabilities and scores, then each layer's output. */
    final NDList encode(ParameterStore ps, NDArray seq, NDArray mask, boolean training) {
        return encoder.forward(ps, new NDList(seq, mask), training);
    }

    /** The block's outputs followed by intermediates (each subclass documents its trace). */
    public abstract NDList forwardWithTrace(ParameterStore ps, NDList inputs, boolean training);

    @Override
    protected final NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return forwardWithTrace(ps, inputs, training).subNDList(0, outputs);
    }

    @Override
    protected final void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        encoder.initialize(manager, dataType, new Shape(x.get(0), x.get(1) + 1, hidden),
                new Shape(x.get(0), x.get(1) + 1));
    }
}
