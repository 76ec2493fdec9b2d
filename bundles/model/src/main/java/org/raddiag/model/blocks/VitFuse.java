package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;

/**
 * Case-level fusion of the reference ({@code vitFuse.py}): sequence {@code [cls_token, feats + mod_embed[mods]]},
 * <em>no</em> positional encoding, key mask {@code [1, mods != 0]}, a {@link ReferenceTransformerEncoder} and CLS
 * pooling. Empty slots (code 0) get table row 0 added and are masked. In RadNet: width 2048, 16 codes, 4 heads,
 * 2 layers.
 *
 * <p>Unlike the reference, which adds the modality embedding in place into the caller's tensor, this block leaves
 * its input unchanged.
 *
 * <p>Input: {@code feats (B, S, hid)} and {@code mods (B, S)} or {@code (B, S, 1)} (int64). Output:
 * {@code (B, hid)}.
 */
public final class VitFuse extends ClsEncoderBlock {
    private final int modalities;
    private final Parameter modEmbed;

    public VitFuse(int modalities, int hidden, int heads, int numLayers, int feedForward) {
        super(hidden, 1);
        this.modalities = modalities;
        modEmbed = addReferenceParameter("mod_embed", Parameter.Type.WEIGHT, new NormalInitializer(1f), modalities,
                hidden);
        addClsToken();
        addEncoder(heads, numLayers, feedForward);
    }

    /** The RadNet configuration: 16 codes, 4 heads, 2 layers, feed-forward width = hidden. */
    public static VitFuse radNet(int hidden) {
        return new VitFuse(16, hidden, 4, 2, hidden);
    }

    /**
     * The output followed by: encoder input {@code (B, S+1, hid)}, key mask {@code (B, S+1)} (boolean), encoder
     * output, the last layer's probabilities and scores {@code (B, h, S+1, S+1)}, then each layer's output.
     */
    @Override
    public NDList forwardWithTrace(ParameterStore ps, NDList inputs, boolean training) {
        NDArray feats = inputs.get(0);
        long b = feats.getShape().get(0);
        long s = feats.getShape().get(1);
        NDArray mods = inputs.get(1).reshape(b, s);
        NDArray table = ps.getValue(modEmbed, feats.getDevice(), training);
        NDArray embedded = mods.oneHot(modalities).toType(table.getDataType(), false).matMul(table);
        NDArray seq = withCls(ps, feats.add(embedded), training);
        NDArray mask = keyMask(mods.neq(0));
        NDList enc = encode(ps, seq, mask, training);
        NDList out = new NDList(enc.get(0).get(new NDIndex(":, 0, :")), seq, mask, enc.get(0), enc.get(1),
                enc.get(2));
        out.addAll(enc.subNDList(3));
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), hidden)};
    }
}
