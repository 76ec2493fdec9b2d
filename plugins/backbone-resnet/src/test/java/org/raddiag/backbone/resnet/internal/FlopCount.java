package org.raddiag.backbone.resnet.internal;

/**
 * Analytic FLOP count of one RadNet forward (a multiply-add = 2 FLOPs; convolutions, Linear layers and attention
 * matrix products only: normalisations, activations and softmax are ignored, < 1%).
 */
final class FlopCount {
    private FlopCount() {
    }

    /** FLOPs of one case with {@code slots} scans of {@code depth} slices of size x size. */
    static double radNet(int resnet, int size, int depth, int slots, int hidden, int classes) {
        double perSlice = resNet(resnet, size);
        int feature = resnet == 50 ? 2048 : 512;
        double total = (double) slots * depth * (perSlice + (feature == hidden ? 0 : 2.0 * feature * hidden));
        total += slots * encoder(depth + 1, hidden, hidden, 1);
        total += encoder(slots + 1, hidden, hidden, 2);
        total += 2.0 * hidden * hidden + 2.0 * hidden * classes;
        return total;
    }

    /** One transformer encoder over T tokens: Q/K/V/O projections, QK^T and PV, the feed-forward pair. */
    static double encoder(int tokens, int d, int ff, int layers) {
        double t = tokens;
        return layers * (4 * 2.0 * t * d * d + 2 * 2.0 * t * t * d + 2 * 2.0 * t * d * ff);
    }

    /** The ResNet trunk on one 3 x size x size slice. */
    static double resNet(int depth, int size) {
        int[] blocks = depth == 18 ? new int[] {2, 2, 2, 2} : new int[] {3, 4, 6, 3};
        boolean bottleneck = depth == 50;
        int hw = (size + 1) / 2;
        double f = conv(3, 64, 7, hw);
        hw = (hw + 1) / 2;
        int in = 64;
        for (int stage = 0; stage < 4; stage++) {
            int width = 64 << stage;
            int out = bottleneck ? width * 4 : width;
            for (int b = 0; b < blocks[stage]; b++) {
                int outHw = stage > 0 && b == 0 ? (hw + 1) / 2 : hw;
                if (bottleneck) {
                    f += conv(in, width, 1, hw) + conv(width, width, 3, outHw) + conv(width, out, 1, outHw);
                } else {
                    f += conv(in, width, 3, outHw) + conv(width, width, 3, outHw);
                }
                if (outHw != hw || in != out) {
                    f += conv(in, out, 1, outHw);
                }
                in = out;
                hw = outHw;
            }
        }
        return f;
    }

    private static double conv(int cin, int cout, int k, int outHw) {
        return 2.0 * cin * cout * k * k * outHw * outHw;
    }
}
