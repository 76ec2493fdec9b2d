package org.raddiag.onnx.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.raddiag.onnx.BlockCall;
import org.raddiag.onnx.Nn;
import org.raddiag.onnx.OnnxGraphBuilder;
import org.raddiag.onnx.Weights;

/**
 * The reference transformer encoder (keys {@code encoder.layers.<i>.*}, {@code encoder.norm.*}): per layer
 * {@code x += MHA(x)} on the un-normalised x with masked keys set to -1e9, then
 * {@code x += W2 relu(W1 LN(x) + b1) + b2}; a final reference LayerNorm.
 */
final class TransformerGraph {
    private static final Pattern LAYER = Pattern.compile("encoder\\.layers\\.(\\d+)\\..*");

    /** Output of {@link #encode}: the normalised sequence and the last layer's probabilities {@code (N, h, T, T)}. */
    record Encoded(String sequence, String probs) {
    }

    private TransformerGraph() {
    }

    /** Number of layers present in {@code w} (keys relative to the encoder wrapper). */
    static int layers(Weights w) {
        int n = 0;
        for (String k : w.keys()) {
            Matcher m = LAYER.matcher(k);
            if (m.matches()) {
                n = Math.max(n, Integer.parseInt(m.group(1)) + 1);
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no 'encoder.layers.<i>.' weights found");
        }
        return n;
    }

    /**
     * The depth pooling and early fusion blocks' encoder: {@code seq} {@code (N, 1 + L, d)} with CLS in row 0, keys
     * masked where {@code codes} {@code (N, L)} is 0 (CLS never), the encoder under {@code transformer_encoder.},
     * the CLS row written as the call's output 0. Width {@code d} from the CLS token, heads from the architecture key
     * {@code headsKey} (else {@code defaultHeads}).
     */
    static Encoded encodeCls(OnnxGraphBuilder g, BlockCall call, String seq, String codes, String headsKey,
            int defaultHeads) {
        String p = call.component();
        long[] cls = call.weights().shape("cls_token");
        int width = (int) cls[cls.length - 1];
        String heads = call.config().get(headsKey, Integer.toString(defaultHeads));
        int h;
        try {
            h = Integer.parseInt(heads.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(p + ": architecture key " + headsKey + " takes a whole number, not '"
                    + heads + "'");
        }
        String masked = Nn.maskedWithCls(g, codes, p + ".masked");
        Encoded enc = encode(g, call.weights().under("transformer_encoder."), seq, masked, width, h, p + ".encoder");
        Nn.rename(g, Nn.row(g, enc.sequence(), 0, p + ".cls"), call.output(0));
        return enc;
    }

    /**
     * @param x sequence {@code (N, T, d)}
     * @param masked {@code (N, T)} bool, true for keys to mask
     */
    static Encoded encode(OnnxGraphBuilder g, Weights w, String x, String masked, int model, int heads,
            String hint) {
        if (model % heads != 0) {
            throw new IllegalArgumentException("width " + model + " is not divisible by " + heads + " heads");
        }
        String mask4 = g.op("Unsqueeze", hint + ".mask4", Nn.NONE, masked, Nn.ints(g, hint + ".maskAxes", 1, 2));
        String probs = null;
        for (int i = 0, n = layers(w); i < n; i++) {
            String p = "encoder.layers." + i + ".";
            String h = hint + ".layer" + i;
            String[] attn = attention(g, w, p + "self_attn.", x, mask4, model, heads, h + ".attn");
            probs = attn[1];
            x = g.op("Add", h + ".res1", Nn.NONE, x, attn[0]);
            String y = Nn.layerNorm(g, w, p + "sublayer.1.norm", x, model, h + ".ln");
            y = g.op("Relu", h + ".relu", Nn.NONE, Nn.linear(g, w, p + "feed_forward.w_1", y, h + ".w1"));
            y = Nn.linear(g, w, p + "feed_forward.w_2", y, h + ".w2");
            x = g.op("Add", h + ".res2", Nn.NONE, x, y);
        }
        return new Encoded(Nn.layerNorm(g, w, "encoder.norm", x, model, hint + ".norm"), probs);
    }

    /** Returns the projected output {@code (N, T, d)} and the probabilities {@code (N, h, T, T)}. */
    private static String[] attention(OnnxGraphBuilder g, Weights w, String p, String x, String mask4, int model,
            int heads, String hint) {
        int dk = model / heads;
        String headShape = Nn.ints(g, hint + ".headShape", 0, 0, heads, dk);
        String q = split(g, Nn.linear(g, w, p + "linears.0", x, hint + ".q"), headShape, new long[] {0, 2, 1, 3});
        String k = split(g, Nn.linear(g, w, p + "linears.1", x, hint + ".k"), headShape, new long[] {0, 2, 3, 1});
        String v = split(g, Nn.linear(g, w, p + "linears.2", x, hint + ".v"), headShape, new long[] {0, 2, 1, 3});
        String scores = g.op("Div", hint + ".scores", Nn.NONE, g.op("MatMul", hint + ".qk", Nn.NONE, q, k),
                g.scalar((float) Math.sqrt(dk)));
        scores = g.op("Where", hint + ".maskedScores", Nn.NONE, mask4, g.scalar(-1e9f), scores);
        String probs = g.op("Softmax", hint + ".probs", Map.of("axis", -1), scores);
        String ctx = g.op("Transpose", hint + ".ctxT", Map.of("perm", new long[] {0, 2, 1, 3}),
                g.op("MatMul", hint + ".ctx", Nn.NONE, probs, v));
        ctx = g.op("Reshape", hint + ".merged", Nn.NONE, ctx, Nn.ints(g, hint + ".mergedShape", 0, 0, model));
        return new String[] {Nn.linear(g, w, p + "linears.3", ctx, hint + ".out"), probs};
    }

    private static String split(OnnxGraphBuilder g, String projected, String headShape, long[] perm) {
        String r = g.op("Reshape", projected + ".heads", Nn.NONE, projected, headShape);
        return g.op("Transpose", projected + ".headsT", Map.of("perm", perm), r);
    }
}
