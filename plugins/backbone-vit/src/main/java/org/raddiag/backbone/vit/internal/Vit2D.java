package org.raddiag.backbone.vit.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.raddiag.model.blocks.Gelu;
import org.raddiag.model.blocks.ReferenceBlock;

/**
 * The reference 2-D ViT slice encoder ({@code vit2D.py: vitEmbed}): non-overlapping patches flattened as
 * {@code (p1 p2 c)}, patch embedding {@code LayerNorm(patchDim) -> Linear(patchDim, dim) -> LayerNorm(dim)}, learned
 * 2-D positions (patch (i, j) gets {@code concat(pos_row[i], pos_col[j])}, uniform [0, 1) init), a CLS token
 * (N(0, 1), no position) in front, a pre-norm transformer ({@link VitAttention}, {@link VitFeedForward}) with a final
 * LayerNorm, CLS pooling and the MLP head {@code Linear(dim, dim) -> GELU -> Linear(dim, dim)}. All LayerNorms are
 * torch's. Dropout (embedding, attention, feed-forward) acts in training mode only.
 *
 * <p>Channels: RadNet feeds {@code (N, 3, H, W)}, the slice repeated 3 times. With {@code channels = 1} (the
 * reference) the first channel is used, which loses nothing since the three are copies, and the patch width is
 * {@code p * p} as in the reference weights; with {@code channels = 3} patches are cut from all three
 * ({@code 3 p p}); a 1-channel input is repeated. Output {@code (N, dim)}.
 */
public final class Vit2D extends ReferenceBlock {
    private static final Initializer UNIFORM_01 = (m, shape, type) -> m.randomUniform(0f, 1f, shape, type);
    private final VitSettings s;
    private final TorchLayerNorm patchNorm;
    private final Linear patchLinear;
    private final TorchLayerNorm embedNorm;
    private final Parameter posRow;
    private final Parameter posCol;
    private final Parameter cls;
    private final List<VitAttention> attention = new ArrayList<>();
    private final List<VitFeedForward> feedForward = new ArrayList<>();
    private final TorchLayerNorm finalNorm;
    private final Linear head1;
    private final Linear head2;

    public Vit2D(VitSettings settings) {
        s = settings;
        int rowWidth = s.dim() / 2;
        patchNorm = addReferenceChild("to_patch_embedding.1", new TorchLayerNorm(s.patchDim()));
        patchLinear = addReferenceChild("to_patch_embedding.2", Linear.builder().setUnits(s.dim()).build());
        embedNorm = addReferenceChild("to_patch_embedding.3", new TorchLayerNorm(s.dim()));
        posRow = addReferenceParameter("pos_row", Parameter.Type.WEIGHT, UNIFORM_01, s.grid(), rowWidth);
        posCol = addReferenceParameter("pos_col", Parameter.Type.WEIGHT, UNIFORM_01, s.grid(), s.dim() - rowWidth);
        cls = addReferenceParameter("cls_token", Parameter.Type.WEIGHT, new NormalInitializer(1f), 1, 1, s.dim());
        for (int i = 0; i < s.depth(); i++) {
            String layer = "transformer.layers." + i + ".";
            attention.add(addReferenceChild(layer + "attn",
                    new VitAttention(s.dim(), s.heads(), s.dimHead(), s.dropout())));
            feedForward.add(addReferenceChild(layer + "ff", new VitFeedForward(s.dim(), s.mlpDim(), s.dropout())));
        }
        finalNorm = addReferenceChild("transformer.norm", new TorchLayerNorm(s.dim()));
        head1 = addReferenceChild("mlp_head.0", Linear.builder().setUnits(s.dim()).build());
        head2 = addReferenceChild("mlp_head.2", Linear.builder().setUnits(s.dim()).build());
    }

    public VitSettings settings() {
        return s;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = patches(inputs.head());
        long n = x.getShape().get(0);
        x = patchNorm.forward(ps, new NDList(x), training).head();
        x = patchLinear.forward(ps, new NDList(x), training).head();
        x = embedNorm.forward(ps, new NDList(x), training).head();
        x = x.add(positions(ps, x, training));
        x = ps.getValue(cls, x.getDevice(), training).broadcast(n, 1, s.dim()).concat(x, 1);
        x = Dropout.dropout(x, s.embDropout(), training).head();
        for (int i = 0; i < s.depth(); i++) {
            x = x.add(attention.get(i).forward(ps, new NDList(x), training).head());
            x = x.add(feedForward.get(i).forward(ps, new NDList(x), training).head());
        }
        NDArray pooled = finalNorm.forward(ps, new NDList(x), training).head().get(new NDIndex(":, 0, :"));
        NDArray hidden = Gelu.exact(head1.forward(ps, new NDList(pooled), training).head());
        return head2.forward(ps, new NDList(hidden), training);
    }

    /** {@code (N, C, H, W)} to {@code (N, grid * grid, patchDim)}, patches row-major, each flattened (p1 p2 c). */
    NDArray patches(NDArray images) {
        NDArray x = channels(images);
        long n = x.getShape().get(0);
        int g = s.grid();
        int p = s.patch();
        return x.reshape(n, s.channels(), g, p, g, p).transpose(0, 2, 4, 3, 5, 1)
                .reshape(n, (long) g * g, s.patchDim());
    }

    /** {@code (N, C, H, W)} to {@code (N, channels, H, W)}, checking the image size. */
    private NDArray channels(NDArray x) {
        Shape shape = x.getShape();
        if (shape.dimension() != 4 || shape.get(2) != s.imageSize() || shape.get(3) != s.imageSize()) {
            throw new IllegalArgumentException("the ViT was built for (N, C, " + s.imageSize() + ", " + s.imageSize()
                    + ") input, got " + shape);
        }
        long c = shape.get(1);
        if (c == s.channels()) {
            return x;
        }
        if (s.channels() == 1 && c == 3) {
            return x.get(new NDIndex(":, 0:1"));
        }
        if (s.channels() == 3 && c == 1) {
            return x.repeat(1, 3);
        }
        throw new IllegalArgumentException("the ViT takes 1 or 3 channels, got " + c);
    }

    /** {@code (grid * grid, dim)}: row {@code i * grid + j} is {@code concat(pos_row[i], pos_col[j])}. */
    NDArray positions(ParameterStore ps, NDArray like, boolean training) {
        int g = s.grid();
        NDArray row = ps.getValue(posRow, like.getDevice(), training);
        NDArray col = ps.getValue(posCol, like.getDevice(), training);
        long rw = row.getShape().get(1);
        long cw = col.getShape().get(1);
        return row.reshape(g, 1, rw).broadcast(g, g, rw).concat(col.reshape(1, g, cw).broadcast(g, g, cw), -1)
                .reshape((long) g * g, s.dim());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        patchNorm.initialize(manager, dataType, new Shape(1, s.patchDim()));
        patchLinear.initialize(manager, dataType, new Shape(1, s.patchDim()));
        embedNorm.initialize(manager, dataType, new Shape(1, s.dim()));
        for (int i = 0; i < s.depth(); i++) {
            attention.get(i).initialize(manager, dataType, new Shape(1, 1, s.dim()));
            feedForward.get(i).initialize(manager, dataType, new Shape(1, 1, s.dim()));
        }
        finalNorm.initialize(manager, dataType, new Shape(1, s.dim()));
        head1.initialize(manager, dataType, new Shape(1, s.dim()));
        head2.initialize(manager, dataType, new Shape(1, s.dim()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), s.dim())};
    }
}
