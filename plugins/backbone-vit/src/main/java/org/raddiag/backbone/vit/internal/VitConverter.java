package org.raddiag.backbone.vit.internal;

import java.util.Map;
import org.raddiag.onnx.BlockCall;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.Nn;
import org.raddiag.onnx.OnnxGraphBuilder;
import org.raddiag.onnx.Weights;

/**
 * ONNX nodes of the {@code vit} backbone, the same operations as {@link Vit2D} in eval mode: patches cut as
 * {@code (p1 p2 c)}, patch embedding {@code LayerNorm -> Linear -> LayerNorm}, the 2-D position table (built here
 * from {@code pos_row} and {@code pos_col}), CLS in front, pre-norm layers (attention with a bias-free
 * {@code to_qkv}, feed-forward with exact GELU), final LayerNorm, CLS row and the MLP head. Sizes come from the
 * weights and the architecture's {@code vit.*} settings ({@link VitSettings}); torch's LayerNorm is ONNX
 * {@code LayerNormalization} (opset 17, eps 1e-5).
 * Built by {@link VitEncoder}, the plugin's model component, for the exporter.
 */
final class VitConverter implements BlockConverter {
    private static final float EPS = 1e-5f;

    @Override
    public void emit(OnnxGraphBuilder g, BlockCall call) {
        VitSettings s = VitSettings.from(call.config());
        Weights w = call.weights();
        String p = call.component();
        int grid = s.grid();
        long tokens = (long) grid * grid;
        String x = call.input(0);
        if (s.channels() == 1) {
            x = g.op("Slice", p + ".channel0", Nn.NONE, x, Nn.ints(g, p + ".c0", 0), Nn.ints(g, p + ".c1", 1),
                    Nn.ints(g, p + ".cAxis", 1));
        }
        x = g.op("Reshape", p + ".grid", Nn.NONE, x,
                Nn.ints(g, p + ".gridShape", -1, s.channels(), grid, s.patch(), grid, s.patch()));
        x = g.op("Transpose", p + ".patchOrder", Map.of("perm", new long[] {0, 2, 4, 3, 5, 1}), x);
        x = g.op("Reshape", p + ".patches", Nn.NONE, x, Nn.ints(g, p + ".patchShape", -1, tokens, s.patchDim()));
        x = layerNorm(g, w, "to_patch_embedding.1", x, s.patchDim(), p + ".embed.norm1");
        x = Nn.linear(g, w, "to_patch_embedding.2", x, p + ".embed.linear");
        x = layerNorm(g, w, "to_patch_embedding.3", x, s.dim(), p + ".embed.norm2");
        x = g.op("Add", p + ".positioned", Nn.NONE, x,
                g.floats(p + ".positions", positions(w, grid, s.dim()), tokens, s.dim()));
        x = Nn.prependCls(g, w, "cls_token", x, s.dim(), p + ".cls");
        for (int i = 0; i < s.depth(); i++) {
            String layer = "transformer.layers." + i + ".";
            String h = p + ".layer" + i;
            x = g.op("Add", h + ".attn.res", Nn.NONE, x, attention(g, w, layer + "attn.", x, s, h + ".attn"));
            String f = layerNorm(g, w, layer + "ff.norm", x, s.dim(), h + ".ff.norm");
            f = Nn.gelu(g, Nn.linear(g, w, layer + "ff.fc1", f, h + ".ff.fc1"), h + ".ff.gelu");
            f = Nn.linear(g, w, layer + "ff.fc2", f, h + ".ff.fc2");
            x = g.op("Add", h + ".ff.res", Nn.NONE, x, f);
        }
        x = layerNorm(g, w, "transformer.norm", x, s.dim(), p + ".norm");
        String pooled = Nn.row(g, x, 0, p + ".pooled");
        String hidden = Nn.gelu(g, Nn.gemm(g, w, "mlp_head.0", pooled, p + ".head0"), p + ".head.gelu");
        Nn.rename(g, Nn.gemm(g, w, "mlp_head.2", hidden, p + ".head2"), call.output(0));
    }

    /** Pre-norm multi-head self-attention of {@code x (N, T, dim)}; the caller adds the residual. */
    private static String attention(OnnxGraphBuilder g, Weights w, String k, String x, VitSettings s, String h) {
        String n = layerNorm(g, w, k + "norm", x, s.dim(), h + ".norm");
        long inner = (long) s.heads() * s.dimHead();
        long[] qs = w.shape(k + "to_qkv.weight");
        if (qs.length != 2 || qs[0] != 3 * inner || qs[1] != s.dim()) {
            throw new IllegalArgumentException("'" + k + "to_qkv.weight' does not fit " + s.heads() + " heads of "
                    + s.dimHead() + " over width " + s.dim());
        }
        String qkvT = g.floats(h + ".qkvT", Nn.transpose(w.floats(k + "to_qkv.weight"), (int) qs[0], (int) qs[1]),
                qs[1], qs[0]);
        String qkv = g.op("MatMul", h + ".qkv", Nn.NONE, n, qkvT);
        qkv = g.op("Reshape", h + ".qkvHeads", Nn.NONE, qkv, Nn.ints(g, h + ".qkvShape", 0, 0, 3, s.heads(),
                s.dimHead()));
        qkv = g.op("Transpose", h + ".qkvFirst", Map.of("perm", new long[] {2, 0, 3, 1, 4}), qkv);
        String q = g.op("Gather", h + ".q", Map.of("axis", 0), qkv, Nn.intScalar(g, h + ".i0", 0));
        String kk = g.op("Gather", h + ".k", Map.of("axis", 0), qkv, Nn.intScalar(g, h + ".i1", 1));
        String v = g.op("Gather", h + ".v", Map.of("axis", 0), qkv, Nn.intScalar(g, h + ".i2", 2));
        q = g.op("Mul", h + ".qScaled", Nn.NONE, q, g.scalar((float) (1 / Math.sqrt(s.dimHead()))));
        String scores = g.op("MatMul", h + ".scores", Nn.NONE, q,
                g.op("Transpose", h + ".kT", Map.of("perm", new long[] {0, 1, 3, 2}), kk));
        String attn = g.op("Softmax", h + ".softmax", Map.of("axis", -1), scores);
        String mixed = g.op("Transpose", h + ".mixedT", Map.of("perm", new long[] {0, 2, 1, 3}),
                g.op("MatMul", h + ".mixed", Nn.NONE, attn, v));
        mixed = g.op("Reshape", h + ".concat", Nn.NONE, mixed, Nn.ints(g, h + ".concatShape", 0, 0, inner));
        return Nn.linear(g, w, k + "to_out", mixed, h + ".out");
    }

    /** torch {@code LayerNorm(width)} over the last axis (keys {@code weight}, {@code bias}). */
    private static String layerNorm(OnnxGraphBuilder g, Weights w, String k, String x, long width, String h) {
        String scale = g.floats(h + ".weight", w.floats(k + ".weight", width), width);
        String bias = g.floats(h + ".bias", w.floats(k + ".bias", width), width);
        return g.op("LayerNormalization", h, Map.of("axis", -1, "epsilon", EPS), x, scale, bias);
    }

    /** Row {@code i * grid + j} = {@code concat(pos_row[i], pos_col[j])}, as {@link Vit2D#positions}. */
    private static float[] positions(Weights w, int grid, int dim) {
        long[] rs = w.shape("pos_row");
        long[] cs = w.shape("pos_col");
        if (rs.length != 2 || cs.length != 2 || rs[0] != grid || cs[0] != grid || rs[1] + cs[1] != dim) {
            throw new IllegalArgumentException("pos_row/pos_col do not fit a " + grid + "x" + grid + " grid of width "
                    + dim);
        }
        float[] row = w.floats("pos_row");
        float[] col = w.floats("pos_col");
        int rw = (int) rs[1];
        int cw = (int) cs[1];
        float[] out = new float[grid * grid * dim];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                int o = (i * grid + j) * dim;
                System.arraycopy(row, i * rw, out, o, rw);
                System.arraycopy(col, j * cw, out, o + rw, cw);
            }
        }
        return out;
    }
}
