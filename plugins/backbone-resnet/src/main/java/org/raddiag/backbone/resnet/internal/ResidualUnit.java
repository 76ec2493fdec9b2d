package org.raddiag.backbone.resnet.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.raddiag.model.blocks.BatchOfOneConv;
import org.raddiag.model.blocks.ChannelsLast;
import org.raddiag.model.blocks.OnePixelConv;
import org.raddiag.model.blocks.FoldedConv;
import org.raddiag.model.blocks.InferenceFolding;
import org.raddiag.model.blocks.ReferenceBatchNorm2d;
import org.raddiag.model.blocks.ReferenceBlock;

/**
 * A torchvision residual block: basic (two 3x3 convs) or bottleneck (1x1, 3x3 with the stride (v1.5), 1x1 with
 * expansion 4), bias-free convs, BatchNorm, ReLU, and a {@code downsample} 1x1 conv + BN projection when the shape
 * changes. Keys {@code conv<i>.weight}, {@code bn<i>.*}, {@code downsample.0.weight}, {@code downsample.1.*}.
 * Once {@link #prepareInference prepared} (a loaded model), inference runs each conv + BN as one folded conv.
 */
public final class ResidualUnit extends ReferenceBlock implements InferenceFolding {
    private final List<Block[]> convBn = new ArrayList<>();
    private final List<int[]> kernelStride = new ArrayList<>();
    private final Block[] downsample;
    private final int downsampleStride;
    private volatile FoldedConv[] folded;
    private volatile FoldedConv foldedDownsample;
    private final int[] inChannels;
    private final int inputChannels;

    public ResidualUnit(int in, int width, int stride, boolean bottleneck) {
        int out = bottleneck ? width * 4 : width;
        inputChannels = in;
        if (bottleneck) {
            inChannels = new int[] {in, width, width};
            add(1, width, 1, 1);
            add(2, width, 3, stride);
            add(3, out, 1, 1);
        } else {
            inChannels = new int[] {in, width};
            add(1, width, 3, stride);
            add(2, width, 3, 1);
        }
        downsampleStride = stride;
        if (stride != 1 || in != out) {
            downsample = new Block[] {addReferenceChild("downsample.0", conv(out, 1, stride)),
                addReferenceChild("downsample.1", new ReferenceBatchNorm2d(out))};
        } else {
            downsample = null;
        }
    }

    private void add(int i, int filters, int kernel, int stride) {
        kernelStride.add(new int[] {kernel, stride});
        convBn.add(new Block[] {addReferenceChild("conv" + i, conv(filters, kernel, stride)),
            addReferenceChild("bn" + i, new ReferenceBatchNorm2d(filters))});
    }

    /** A bias-free square conv with padding kernel/2. */
    public static Conv2d conv(int filters, int kernel, int stride) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(kernel / 2, kernel / 2)).optBias(false)
                .build();
    }

    @Override
    public void prepareInference(NDManager manager) {
        FoldedConv[] f = new FoldedConv[convBn.size()];
        for (int i = 0; i < f.length; i++) {
            int[] ks = kernelStride.get(i);
            f[i] = FoldedConv.of(convBn.get(i)[0], (ReferenceBatchNorm2d) convBn.get(i)[1], ks[1], ks[0] / 2, manager);
        }
        foldedDownsample = downsample == null ? null
                : FoldedConv.of(downsample[0], (ReferenceBatchNorm2d) downsample[1], downsampleStride, 0, manager);
        folded = f;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        FoldedConv[] f = folded;
        if (!training && f != null) {
            return new NDList(foldedForward(inputs.singletonOrThrow(), f));
        }
        // every intermediate's handle is closed as soon as the next op has it: autograd keeps what backward needs,
        // the rest (BatchNorm outputs before ReLU, the sum before the last ReLU) is freed at once, not at step end
        NDArray identity = inputs.singletonOrThrow();
        NDArray x = identity;
        for (int i = 0; i < convBn.size(); i++) {
            x = next(x, identity, conv(ps, convBn.get(i)[0], kernelStride.get(i), x, training));
            x = next(x, identity, convBn.get(i)[1].forward(ps, new NDList(x), training).head());
            if (i < convBn.size() - 1) {
                x = next(x, identity, Activation.relu(x));
            }
        }
        NDArray shortcut = identity;
        if (downsample != null) {
            shortcut = projection(ps, identity, training);
            shortcut = next(shortcut, identity, downsample[1].forward(ps, new NDList(shortcut), training).head());
        }
        NDArray sum = x.add(shortcut);
        x.close();
        if (shortcut != identity) {
            shortcut.close();
        }
        NDArray out = Activation.relu(sum);
        sum.close();
        return new NDList(out);
    }

    /**
     * The downsample projection's 1x1 conv. Where oneDNN's channels-last layout is not {@link ChannelsLast#sound}
     * (and the trunk runs NCHW), a strided one is the unstrided conv of the subsampled input, the same values: there
     * oneDNN's backward of a strided 1x1 conv kills the JVM (SIGFPE) for ResNet-50's 512 -> 1024 and 1024 -> 2048.
     */
    private NDArray projection(ParameterStore ps, NDArray identity, boolean training) {
        NDArray w = ps.getValue(downsample[0].getParameters().get("weight"), identity.getDevice(), training);
        if (downsampleStride == 1 || ChannelsLast.sound(identity.getManager())) {
            return conv2d(identity, w, 1, downsampleStride, training);
        }
        try (NDArray sub = identity.get(new NDIndex(":, :, ::{}, ::{}", downsampleStride, downsampleStride))) {
            return conv2d(sub, w, 1, 1, training);
        }
    }

    /** A conv of the unit on {@code x}; one whose output is a single pixel as the {@link OnePixelConv} product. */
    private static NDArray conv(ParameterStore ps, Block conv, int[] kernelStride, NDArray x, boolean training) {
        int k = kernelStride[0];
        NDArray w = ps.getValue(conv.getParameters().get("weight"), x.getDevice(), training);
        if (k > 1 && OnePixelConv.applies(x, k, kernelStride[1], k / 2)) {
            return OnePixelConv.conv(x, w, null, k / 2);
        }
        return conv2d(x, w, k, kernelStride[1], training);
    }

    /**
     * The bias-free square conv (padding kernel/2), as the unit's {@code Conv2d} blocks compute it; at inference a
     * single small image as a {@link BatchOfOneConv}.
     */
    private static NDArray conv2d(NDArray x, NDArray w, int kernel, int stride, boolean training) {
        Shape s = new Shape(stride, stride);
        Shape p = new Shape(kernel / 2, kernel / 2);
        return training ? Conv2d.conv2d(x, w, null, s, p).head() : BatchOfOneConv.conv2d(x, w, null, s, p);
    }

    /** {@code result}, after closing {@code previous} unless it is the unit's input (the caller's). */
    static NDArray next(NDArray previous, NDArray input, NDArray result) {
        if (previous != input && previous != result) {
            previous.close();
        }
        return result;
    }

    private NDArray foldedForward(NDArray identity, FoldedConv[] f) {
        NDArray x = identity;
        for (int i = 0; i < f.length; i++) {
            x = f[i].apply(x);
            if (i < f.length - 1) {
                x = Activation.relu(x);
            }
        }
        if (foldedDownsample != null) {
            identity = foldedDownsample.apply(identity);
        }
        return Activation.relu(x.addi(identity));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int i = 0; i < convBn.size(); i++) {
            convBn.get(i)[0].initialize(manager, dataType, new Shape(1, inChannels[i], 8, 8));
            convBn.get(i)[1].initialize(manager, dataType, new Shape(1, 1, 8, 8));
        }
        if (downsample != null) {
            downsample[0].initialize(manager, dataType, new Shape(1, inputChannels, 8, 8));
            downsample[1].initialize(manager, dataType, new Shape(1, 1, 8, 8));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        for (Block[] cb : convBn) {
            s = cb[0].getOutputShapes(new Shape[] {s})[0];
        }
        return new Shape[] {s};
    }
}
