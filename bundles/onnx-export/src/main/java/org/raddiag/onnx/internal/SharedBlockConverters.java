package org.raddiag.onnx.internal;

import java.util.Map;
import org.raddiag.onnx.BlockCall;
import org.raddiag.onnx.Nn;
import org.raddiag.onnx.OnnxGraphBuilder;
import org.raddiag.onnx.Weights;

/**
 * The converters of the shared blocks, which every RadNet has whatever its backbone and head: this bundle's built-in
 * converters ({@link Converters#builtIn()}), ranked after any converter service of the same block type.
 */
final class SharedBlockConverters {
    /** Architecture key for the number of depth-pooling heads (RadNet: 1). */
    static final String POOLING_HEADS = "pooling_heads";
    /** Architecture key for the number of fusion heads (RadNet: 4). */
    static final String FUSION_HEADS = "fusion_heads";

    private SharedBlockConverters() {
    }

    /**
     * Depth pooling {@code attention1d}: {@code [cls_token, x] + pos_emb[0:D+1]}, key mask {@code [1, marks]}, the
     * reference encoder ({@code pooling_heads} heads, default 1), CLS pooling and the head-averaged CLS attention row.
     */
    static void attention1d(OnnxGraphBuilder g, BlockCall call) {
        Weights w = call.weights();
        String p = call.component();
        long[] pos = w.shape("pos_emb");
        String seq = Nn.prependCls(g, w, "cls_token", call.input(0), pos[1], p + ".seq");
        String posEmb = g.floats(p + ".pos_emb", w.floats("pos_emb"), pos);
        String len = g.op("Slice", p + ".len", Nn.NONE, g.op("Shape", p + ".seqShape", Nn.NONE, seq),
                Nn.ints(g, p + ".one", 1), Nn.ints(g, p + ".two", 2));
        String posRows = g.op("Slice", p + ".posRows", Nn.NONE, posEmb, Nn.ints(g, p + ".zero", 0), len,
                Nn.ints(g, p + ".axis0", 0));
        seq = g.op("Add", p + ".input", Nn.NONE, seq, posRows);
        TransformerGraph.Encoded enc = TransformerGraph.encodeCls(g, call, seq, call.input(1), POOLING_HEADS, 1);
        String meanProbs = g.op("ReduceMean", p + ".meanProbs", Map.of("axes", new long[] {1}, "keepdims", 0),
                enc.probs());
        Nn.rename(g, Nn.row(g, meanProbs, 0, p + ".clsRow"), call.output(1));
    }

    /**
     * Early fusion {@code vitfuse}: {@code [cls_token, feats + mod_embed[mods]]} without positional encoding, key mask
     * {@code [1, mods != 0]}, the reference encoder ({@code fusion_heads} heads, default 4) and CLS pooling.
     */
    static void vitFuse(OnnxGraphBuilder g, BlockCall call) {
        Weights w = call.weights();
        String p = call.component();
        long[] table = w.shape("mod_embed");
        String embed = g.floats(p + ".mod_embed", w.floats("mod_embed"), table);
        String mods = call.input(1);
        String looked = g.op("Gather", p + ".modEmbed", Map.of("axis", 0), embed, mods);
        String feats = g.op("Add", p + ".feats", Nn.NONE, call.input(0), looked);
        String seq = Nn.prependCls(g, w, "cls_token", feats, table[1], p + ".seq");
        TransformerGraph.encodeCls(g, call, seq, mods, FUSION_HEADS, 4);
    }
}
