package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * A 2-D convolution whose output map is 1 x 1 and whose window covers the whole (padded) input is one matrix
 * product: the input {@code (N, C*H*W)} times the kernel taps that meet the input, {@code W[:, :, p:p+H, p:p+W]},
 * exactly, in value and in gradient (the other taps only ever see padding). Small slices make such maps: a ResNet's
 * last stage on 32 x 32 input runs at 2 x 2 and 1 x 1, where oneDNN limited to AVX2 computes the weight gradient by
 * an im2col GEMM (measured: 470 ms per 512-channel conv, three per demo step, against a few ms as a product).
 */
public final class OnePixelConv {
    private OnePixelConv() {
    }

    /** Whether a conv of {@code x} with a square {@code kernel}, {@code stride} and {@code padding} is one product. */
    public static boolean applies(NDArray x, long kernel, long stride, long padding) {
        Shape s = x.getShape();
        if (s.dimension() != 4) {
            return false;
        }
        long h = s.get(2);
        long w = s.get(3);
        return out(h, kernel, stride, padding) == 1 && out(w, kernel, stride, padding) == 1
                && h + padding <= kernel && w + padding <= kernel;
    }

    private static long out(long size, long kernel, long stride, long padding) {
        return (size + 2 * padding - kernel) / stride + 1;
    }

    /** The conv of {@code x (N, C, H, W)} as that product: {@code (N, O, 1, 1)}. {@code bias} may be null. */
    public static NDArray conv(NDArray x, NDArray weight, NDArray bias, long padding) {
        Shape s = x.getShape();
        long n = s.get(0);
        long h = s.get(2);
        long w = s.get(3);
        long out = weight.getShape().get(0);
        NDArray taps = weight.get(new NDIndex(":, :, {}:{}, {}:{}", padding, padding + h, padding, padding + w));
        NDArray y = x.reshape(n, -1).matMul(taps.reshape(out, -1).transpose());
        if (bias != null) {
            y = y.add(bias);
        }
        return y.reshape(n, out, 1, 1);
    }
}
