package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Channels-last memory layout for {@code (N, C, H, W)} arrays: the same logical shape, stored as {@code (N, H, W, C)}.
 * PyTorch's CPU convolutions (oneDNN) run on that layout without reordering the activations around every conv, and
 * element-wise ops, pooling and in-place adds keep it, so a trunk fed a channels-last input stays channels-last
 * (measured: ResNet-50 inference 1.4x faster on 2 threads). DJL has no memory-format API; the layout comes from a
 * permute, one copy, and the inverse permute, which is exactly what {@code contiguous(channels_last)} does.
 *
 * <p>Where oneDNN's channels-last CPU convolutions are wrong, the layout stays NCHW (see {@link #sound}).
 */
public final class ChannelsLast {
    private static final System.Logger LOG = System.getLogger(ChannelsLast.class.getName());
    private static volatile Boolean sound;

    private ChannelsLast() {
    }

    /**
     * {@code x} in channels-last layout (a copy; {@code x} is left as it is), or a plain copy where the layout is not
     * {@link #sound}. The result belongs to x's manager.
     */
    public static NDArray of(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("channels-last needs an (N, C, H, W) array, not " + s);
        }
        if (!sound(x.getManager())) {
            return x.duplicate();
        }
        return permuted(x);
    }

    /**
     * Whether oneDNN computes channels-last 1x1 convolutions right on this machine, checked once per JVM against
     * the same convolution as a matrix product. Why: oneDNN sizes its brgemm blocks from the caches that CPUID leaf
     * 0x8000001D reports on AMD; some virtual machines (seen: AMD EPYC family 26 under Firecracker) report that
     * leaf empty, every cache reads as 1 byte, and oneDNN 3.7 (PyTorch 2.7) then gives 1x1 convolutions that are off
     * by about 50 % for some shapes (256 -> 512 channels on a 4 x 4 map), and kills the JVM with SIGFPE for others
     * (256 -> 1024, ResNet-50's stage 3). Its NCHW convolutions stay right there. The check uses fixed values, not
     * the engine's random generator, so training stays reproducible.
     */
    public static boolean sound(NDManager like) {
        if (like.getDevice().isGpu()) {
            return true; // oneDNN is the CPU's; the answer kept below is the CPU's too
        }
        Boolean s = sound;
        if (s == null) {
            synchronized (ChannelsLast.class) {
                s = sound;
                if (s == null) {
                    s = probe(like);
                    if (!s) {
                        LOG.log(System.Logger.Level.WARNING, "oneDNN's channels-last convolutions are wrong on this"
                                + " CPU (its cache sizes read as unknown): convolutions run in the NCHW layout");
                    }
                    sound = s;
                }
            }
        }
        return s;
    }

    private static boolean probe(NDManager like) {
        try (NDManager m = like.newSubManager()) {
            int in = 256;
            int out = 512;
            float[] xs = new float[2 * in * 8 * 8];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = (float) Math.sin(i * 0.37);
            }
            float[] ws = new float[out * in];
            for (int i = 0; i < ws.length; i++) {
                ws[i] = (float) Math.cos(i * 0.91) / 16;
            }
            NDArray w = m.create(ws, new Shape(out, in, 1, 1));
            NDArray full = m.create(xs, new Shape(2, in, 8, 8));
            for (int stride : new int[] {1, 2}) {
                // at stride 1 a 4 x 4 map, wrong where the caches read 1 byte
                NDArray x = stride == 1 ? full.get(new NDIndex(":, :, :4, :4")) : full;
                NDArray y = Conv2d.conv2d(permuted(x), w, null, new Shape(stride, stride)).head();
                NDArray ref = pointwiseProduct(x, w, stride);
                float err = y.sub(ref).abs().max().getFloat();
                float scale = ref.abs().max().getFloat();
                if (!(err <= 1e-4f * Math.max(scale, 1f))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The 1x1 convolution of {@code x (N, C, H, W)} with {@code w (O, C, 1, 1)} at {@code stride}, no padding, as a
     * matrix product of the subsampled input: the reference that oneDNN's convolution is checked against.
     */
    static NDArray pointwiseProduct(NDArray x, NDArray w, long stride) {
        long in = w.getShape().get(1);
        long out = w.getShape().get(0);
        NDArray sub = x.get(new NDIndex(":, :, ::{}, ::{}", stride, stride));
        Shape s = sub.getShape();
        return sub.transpose(0, 2, 3, 1).reshape(-1, in).matMul(w.reshape(out, in).transpose())
                .reshape(s.get(0), s.get(2), s.get(3), out).transpose(0, 3, 1, 2);
    }

    private static NDArray permuted(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        // the flattening reshape of the permuted view cannot be a view, so it copies into (N, H*W*C) order; the
        // intermediate handles are closed at once (the result keeps the copy's storage alive)
        NDArray permuted = x.transpose(0, 2, 3, 1);
        NDArray copy = permuted.reshape(n, h * w * c);
        NDArray nhwc = copy.reshape(n, h, w, c);
        NDArray out = nhwc.transpose(0, 3, 1, 2);
        permuted.close();
        copy.close();
        nhwc.close();
        return out;
    }
}
