package org.raddiag.onnx.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.raddiag.onnx.BlockCall;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.Nn;
import org.raddiag.onnx.OnnxGraphBuilder;
import org.raddiag.onnx.Weights;

/**
 * Early fusion {@code vitfuse}: {@code [cls_token, feats + mod_embed[mods]]} without positional encoding, key mask
 * {@code [1, mods != 0]}, the reference encoder ({@code fusion_heads} heads, default 4) and CLS pooling.
 */
@Component(property = {"raddiag.kind=" + BlockConverter.KIND, BlockConverter.BLOCK + "=vitfuse"})
public final class VitFuseConverter implements BlockConverter {
    /** Architecture key for the number of heads (RadNet: 4). */
    public static final String HEADS = "fusion_heads";

    @Override
    public String blockType() {
        return "vitfuse";
    }

    @Override
    public void emit(OnnxGraphBuilder g, BlockCall call) {
        Weights w = call.weights();
        String p = call.component();
        long[] table = w.shape("mod_embed");
        String embed = g.floats(p + ".mod_embed", w.floats("mod_embed"), table);
        String mods = call.input(1);
        String looked = g.op("Gather", p + ".modEmbed", Map.of("axis", 0), embed, mods);
        String feats = g.op("Add", p + ".feats", Nn.NONE, call.input(0), looked);
        String seq = Nn.prependCls(g, w, "cls_token", feats, table[1], p + ".seq");
        TransformerGraph.encodeCls(g, call, seq, mods, HEADS, 4);
    }
}
