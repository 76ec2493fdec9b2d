package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;

/**
 * Depth pooling of the reference ({@code resAttention.py: Attention1D}): sequence {@code [cls_token, x_0..x_{D-1}]
 * + pos_emb} (pos_emb row 0 belongs to CLS), key mask {@code [1, marks]}, a {@link ReferenceTransformerEncoder} and
 * CLS pooling. In RadNet: width 2048, depth 32, 1 head, 1 layer.
 *
 * <p>Input: {@code x (N, D, hid)} and {@code marks (N, D)} (non-zero = valid slice; may be omitted). D may be smaller
 * than {@code maxDepth}: the first D + 1 position rows are used, which equals the reference run with the missing
 * slices padded and masked. Output: {@code pooled (N, hid)}, the last layer's softmax probabilities averaged over
 * heads, CLS query row {@code (N, D+1)} (masked columns exactly 0), and the pre-softmax scores likewise
 * {@code (N, D+1)} (masked columns exactly -1e9). Column 0 is CLS.
 */
public final class Attention1D extends ClsEncoderBlock {
    private final int maxDepth;
    private final Parameter posEmb;

    public Attention1D(int hidden, int maxDepth, int heads, int numLayers, int feedForward) {
        super(hidden, 3);
        this.maxDepth = maxDepth;
        addClsToken();
        posEmb = addReferenceParameter("pos_emb", Parameter.Type.WEIGHT, new NormalInitializer(1f), maxDepth + 1,
                hidden);
        addEncoder(heads, numLayers, feedForward);
    }

    /** The RadNet configuration: 1 head, 1 layer, feed-forward width = hidden. */
    public static Attention1D radNet(int hidden, int depth) {
        return new Attention1D(hidden, depth, 1, 1, hidden);
    }

    /**
     * The three outputs followed by intermediates: encoder input {@code (N, D+1, hid)}, encoder output, the last
     * layer's full probabilities and scores {@code (N, h, D+1, D+1)}, then each layer's output before the final norm.
     */
    @Override
    public NDList forwardWithTrace(ParameterStore ps, NDList inputs, boolean training) {
        NDArray x = inputs.get(0);
        long n = x.getShape().get(0);
        long depth = x.getShape().get(1);
        if (depth > maxDepth) {
            throw new IllegalArgumentException("got " + depth + " slices, the block was built for " + maxDepth);
        }
        NDArray pos = ps.getValue(posEmb, x.getDevice(), training).get(new NDIndex("0:{}", depth + 1));
        NDArray seq = withCls(ps, x, training).add(pos);
        NDArray marks = inputs.size() > 1 ? inputs.get(1).reshape(n, depth).neq(0)
                : x.getManager().ones(new Shape(n, depth)).neq(0);
        NDList enc = encode(ps, seq, keyMask(marks), training);
        NDArray encoded = enc.get(0);
        NDList out = new NDList(encoded.get(new NDIndex(":, 0, :")),
                enc.get(1).mean(new int[] {1}).get(new NDIndex(":, 0, :")),
                enc.get(2).mean(new int[] {1}).get(new NDIndex(":, 0, :")), seq, encoded, enc.get(1), enc.get(2));
        out.addAll(enc.subNDList(3));
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), hidden), new Shape(x.get(0), x.get(1) + 1),
            new Shape(x.get(0), x.get(1) + 1)};
    }

    public int hidden() {
        return hidden;
    }

    public int maxDepth() {
        return maxDepth;
    }
}
