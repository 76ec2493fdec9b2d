package org.raddiag.core.preprocess;

/**
 * The reference resampling rules: bilinear in-plane resize with PyTorch {@code interpolate(mode='bilinear',
 * align_corners=False)} semantics (no antialiasing), and depth subsampling to slice indices {@code floor(i*d/D)}.
 */
public final class SliceResampler {
    private SliceResampler() {
    }

    /** Resizes a row-major {@code inH x inW} slice to {@code outH x outW}; returns the input when sizes match. */
    public static float[] resize(float[] in, int inW, int inH, int outW, int outH) {
        if (inW == outW && inH == outH) {
            return in;
        }
        int[] x0 = new int[outW];
        int[] x1 = new int[outW];
        float[] wx1 = new float[outW];
        weights(inW, outW, x0, x1, wx1);
        int[] y0 = new int[outH];
        int[] y1 = new int[outH];
        float[] wy1 = new float[outH];
        weights(inH, outH, y0, y1, wy1);
        float[] out = new float[outW * outH];
        for (int y = 0; y < outH; y++) {
            float b = wy1[y];
            float a = 1f - b;
            int r0 = y0[y] * inW;
            int r1 = y1[y] * inW;
            for (int x = 0; x < outW; x++) {
                float d = wx1[x];
                float c = 1f - d;
                out[y * outW + x] = a * (c * in[r0 + x0[x]] + d * in[r0 + x1[x]])
                        + b * (c * in[r1 + x0[x]] + d * in[r1 + x1[x]]);
            }
        }
        return out;
    }

    /** Source indices and upper weights along one axis (align_corners=False, source clamped at 0). */
    private static void weights(int in, int out, int[] i0, int[] i1, float[] w1) {
        float scale = (float) in / out;
        for (int o = 0; o < out; o++) {
            float src = scale * (o + 0.5f) - 0.5f;
            if (src < 0) {
                src = 0;
            }
            int i = Math.min((int) src, in - 1);
            i0[o] = i;
            i1[o] = i < in - 1 ? i + 1 : i;
            w1[o] = src - i;
        }
    }

    /** The source slice of each of {@code target} output slices: identity when {@code d <= target}, else floor(i*d/target). */
    public static int[] depthIndices(int d, int target) {
        int n = Math.min(d, target);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = d <= target ? i : (int) ((long) i * d / target);
        }
        return idx;
    }

    /** The output slice nearest to source slice {@code key} under {@code indices} (ties to the lower one). */
    public static int remapKey(int key, int[] indices) {
        int best = 0;
        for (int j = 1; j < indices.length; j++) {
            if (Math.abs(indices[j] - key) < Math.abs(indices[best] - key)) {
                best = j;
            }
        }
        return best;
    }
}
