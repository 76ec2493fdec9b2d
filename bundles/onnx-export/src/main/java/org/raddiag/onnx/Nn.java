package org.raddiag.onnx;

import java.util.List;
import java.util.Map;

/**
 * Node patterns shared by the converters (this bundle's and the plugins'), each written to match the DJL block's
 * operation order, so exported graphs agree with PyTorch to float rounding.
 */
public final class Nn {
    public static final Map<String, Object> NONE = Map.of();
    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));

    private Nn() {
    }

    /** A 1-D int64 initializer. */
    public static String ints(OnnxGraphBuilder g, String hint, long... values) {
        return g.longs(hint, values, values.length);
    }

    /** A 0-d int64 initializer. */
    public static String intScalar(OnnxGraphBuilder g, String hint, long value) {
        return g.longs(hint, new long[] {value});
    }

    /** Writes {@code from} into the tensor named {@code to}. */
    public static void rename(OnnxGraphBuilder g, String from, String to) {
        g.opInto("Identity", List.of(from), List.of(to), NONE);
    }

    /**
     * PyTorch Linear {@code x W^T + b} for x of any rank {@code (..., in)}: {@code key.weight (out, in)} is stored
     * transposed for MatMul.
     */
    public static String linear(OnnxGraphBuilder g, Weights w, String key, String x, String hint) {
        long[] s = w.shape(key + ".weight");
        if (s.length != 2) {
            throw new IllegalArgumentException("'" + key + ".weight' must be 2-D, got rank " + s.length);
        }
        float[] t = transpose(w.floats(key + ".weight"), (int) s[0], (int) s[1]);
        String wt = g.floats(hint + ".weightT", t, s[1], s[0]);
        String b = g.floats(hint + ".bias", w.floats(key + ".bias", s[0]), s[0]);
        return g.op("Add", hint, NONE, g.op("MatMul", hint + ".mm", NONE, x, wt), b);
    }

    /** Linear on a 2-D input as one Gemm (transB = 1), the weight in PyTorch layout. */
    public static String gemm(OnnxGraphBuilder g, Weights w, String key, String x, String hint) {
        long[] s = w.shape(key + ".weight");
        String wi = g.floats(hint + ".weight", w.floats(key + ".weight"), s);
        String b = g.floats(hint + ".bias", w.floats(key + ".bias", s[0]), s[0]);
        return g.op("Gemm", hint, Map.of("transB", 1), x, wi, b);
    }

    /** Reference LayerNorm over the last axis: {@code a (x - mean) / (std_unbiased + 1e-6) + b}. */
    public static String layerNorm(OnnxGraphBuilder g, Weights w, String key, String x, long features, String hint) {
        String a = g.floats(hint + ".a", w.floats(key + ".a", features), features);
        String b = g.floats(hint + ".b", w.floats(key + ".b", features), features);
        Map<String, Object> last = Map.of("axes", new long[] {-1}, "keepdims", 1);
        String mean = g.op("ReduceMean", hint + ".mean", last, x);
        String centred = g.op("Sub", hint + ".centred", NONE, x, mean);
        String sq = g.op("Mul", hint + ".sq", NONE, centred, centred);
        String sum = g.op("ReduceSum", hint + ".sum", Map.of("keepdims", 1), sq, ints(g, hint + ".axes", -1));
        String var = g.op("Div", hint + ".var", NONE, sum, g.scalar(features - 1));
        String std = g.op("Sqrt", hint + ".std", NONE, var);
        String num = g.op("Mul", hint + ".scaled", NONE, centred, a);
        String den = g.op("Add", hint + ".den", NONE, std, g.scalar(1e-6f));
        return g.op("Add", hint, NONE, g.op("Div", hint + ".div", NONE, num, den), b);
    }

    /** Exact GELU {@code 0.5 x (1 + erf(x / sqrt 2))}, in the DJL block's order. */
    public static String gelu(OnnxGraphBuilder g, String x, String hint) {
        String half = g.op("Mul", hint + ".half", NONE, x, g.scalar(0.5f));
        String erf = g.op("Erf", hint + ".erf", NONE, g.op("Mul", hint + ".scaled", NONE, x, g.scalar(INV_SQRT2)));
        return g.op("Mul", hint, NONE, half, g.op("Add", hint + ".onePlus", NONE, erf, g.scalar(1f)));
    }

    /** {@code [cls, x_0..x_{T-1}]}: the {@code (1, 1, d)} token {@code key} broadcast over the batch of x (N, T, d). */
    public static String prependCls(OnnxGraphBuilder g, Weights w, String key, String x, long d, String hint) {
        String cls = g.floats(hint + ".cls", w.floats(key, 1, 1, d), 1, 1, d);
        String n = g.op("Slice", hint + ".n", NONE, g.op("Shape", hint + ".xShape", NONE, x),
                ints(g, hint + ".zero", 0), ints(g, hint + ".one", 1));
        String shape = g.op("Concat", hint + ".clsShape", Map.of("axis", 0), n, ints(g, hint + ".ones", 1, 1));
        String clsN = g.op("Expand", hint + ".clsN", NONE, cls, shape);
        return g.op("Concat", hint, Map.of("axis", 1), clsN, x);
    }

    /** Key mask {@code (N, T + 1)}, true = masked: a valid CLS column before {@code codes (N, T)} (0 = masked). */
    public static String maskedWithCls(OnnxGraphBuilder g, String codes, String hint) {
        String padded = g.op("Pad", hint + ".withCls", NONE, codes, ints(g, hint + ".pads", 0, 1, 0, 0),
                intScalar(g, hint + ".clsCode", 1));
        return g.op("Equal", hint, NONE, padded, intScalar(g, hint + ".zero", 0));
    }

    /** Row {@code index} of axis 1 of {@code x}, that axis removed. */
    public static String row(OnnxGraphBuilder g, String x, long index, String hint) {
        return g.op("Gather", hint, Map.of("axis", 1), x, intScalar(g, hint + ".index", index));
    }

    /** Row-major (rows, cols) to (cols, rows). */
    public static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }
}
