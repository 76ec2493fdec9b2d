package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * A bias-free 2-D convolution followed by an eval-mode {@link ReferenceBatchNorm2d}, folded into one convolution with
 * bias: {@code w' = w * g / sqrt(v + eps)}, {@code b' = beta - m * g / sqrt(v + eps)}. Saves one full pass over every
 * activation in inference. The folding is done once, in double precision, from the loaded weights; the folded weights
 * are stored {@link ChannelsLast channels-last}, the layout in which the convolution runs fastest.
 */
public final class FoldedConv {
    private final NDArray weight;
    private final NDArray bias;
    private final Shape stride;
    private final Shape padding;

    private FoldedConv(NDArray weight, NDArray bias, Shape stride, Shape padding) {
        this.weight = weight;
        this.bias = bias;
        this.stride = stride;
        this.padding = padding;
    }

    /**
     * @param conv a bias-free convolution block (its {@code weight} parameter is {@code (O, I, kh, kw)})
     * @param bn the BatchNorm over its {@code O} output channels
     */
    public static FoldedConv of(Block conv, ReferenceBatchNorm2d bn, int stride, int padding, NDManager manager) {
        NDArray w = conv.getParameters().get("weight").getArray();
        if (conv.getParameters().contains("bias")) {
            throw new IllegalArgumentException("FoldedConv folds bias-free convolutions only");
        }
        var p = bn.referenceParameters();
        float[] gamma = p.get("weight").getArray().toFloatArray();
        float[] beta = p.get("bias").getArray().toFloatArray();
        float[] mean = p.get("running_mean").getArray().toFloatArray();
        float[] var = p.get("running_var").getArray().toFloatArray();
        float[] weights = w.toFloatArray();
        int out = gamma.length;
        int per = weights.length / out;
        float[] folded = new float[weights.length];
        float[] bias = new float[out];
        for (int o = 0; o < out; o++) {
            double scale = gamma[o] / Math.sqrt((double) var[o] + ReferenceBatchNorm2d.EPS);
            for (int i = 0; i < per; i++) {
                folded[o * per + i] = (float) (weights[o * per + i] * scale);
            }
            bias[o] = (float) (beta[o] - mean[o] * scale);
        }
        return new FoldedConv(ChannelsLast.of(manager.create(folded, w.getShape())), manager.create(bias),
                new Shape(stride, stride), new Shape(padding, padding));
    }

    /**
     * This convolution for an input whose channels are all the same: one input channel, the weights summed over the
     * input channels ({@code conv(repeat(x, C), w) = conv(x, sum_c w[:, c])}).
     */
    public FoldedConv forIdenticalChannels(NDManager manager) {
        Shape s = weight.getShape();
        float[] w = weight.toFloatArray(); // logical (O, I, kh, kw) order
        long out = s.get(0);
        long in = s.get(1);
        long taps = s.get(2) * s.get(3);
        float[] summed = new float[Math.toIntExact(out * taps)];
        for (long o = 0; o < out; o++) {
            for (long t = 0; t < taps; t++) {
                double sum = 0;
                for (long c = 0; c < in; c++) {
                    sum += w[(int) ((o * in + c) * taps + t)];
                }
                summed[(int) (o * taps + t)] = (float) sum;
            }
        }
        return new FoldedConv(ChannelsLast.of(manager.create(summed, new Shape(out, 1, s.get(2), s.get(3)))),
                bias, stride, padding);
    }

    /** The folded convolution of {@code x}; the result belongs to {@code x}'s manager. */
    public NDArray apply(NDArray x) {
        if (OnePixelConv.applies(x, weight.getShape().get(2), stride.get(0), padding.get(0))) {
            return OnePixelConv.conv(x, weight, bias, padding.get(0));
        }
        return BatchOfOneConv.conv2d(x, weight, bias, stride, padding);
    }
}
