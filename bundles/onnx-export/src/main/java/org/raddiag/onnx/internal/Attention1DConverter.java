package org.raddiag.onnx.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.raddiag.onnx.BlockCall;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.Nn;
import org.raddiag.onnx.OnnxGraphBuilder;
import org.raddiag.onnx.Weights;

/**
 * Depth pooling {@code attention1d}: {@code [cls_token, x] + pos_emb[0:D+1]}, key mask {@code [1, marks]}, the
 * reference encoder ({@code pooling_heads} heads, default 1), CLS pooling and the head-averaged CLS attention row.
 */
@Component(property = {"raddiag.kind=" + BlockConverter.KIND, BlockConverter.BLOCK + "=attention1d"})
public final class Attention1DConverter implements BlockConverter {
    /** Architecture key for the number of heads (RadNet: 1). */
    public static final String HEADS = "pooling_heads";

    @Override
    public String blockType() {
        return "attention1d";
    }

    @Override
    public void emit(OnnxGraphBuilder g, BlockCall call) {
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
        TransformerGraph.Encoded enc = TransformerGraph.encodeCls(g, call, seq, call.input(1), HEADS, 1);
        String meanProbs = g.op("ReduceMean", p + ".meanProbs", Map.of("axes", new long[] {1}, "keepdims", 0),
                enc.probs());
        Nn.rename(g, Nn.row(g, meanProbs, 0, p + ".clsRow"), call.output(1));
    }
}
