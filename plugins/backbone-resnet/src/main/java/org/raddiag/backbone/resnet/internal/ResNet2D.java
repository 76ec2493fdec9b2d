package org.raddiag.backbone.resnet.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.raddiag.model.blocks.ChannelsLast;
import org.raddiag.model.blocks.FoldedConv;
import org.raddiag.model.blocks.GraySlices;
import org.raddiag.model.blocks.InferenceFolding;
import org.raddiag.model.blocks.Recompute;
import org.raddiag.model.blocks.ReferenceBatchNorm2d;
import org.raddiag.model.blocks.ReferenceBlock;

/**
 * The 2-D slice encoder of the reference: a torchvision ResNet-18/34/50 trunk (v1.5 layout: the stride sits on the
 * 3x3 conv of a bottleneck) up to global average pooling. Stem 7x7/2 conv (3 -> 64, pad 3), BN, ReLU, 3x3/2 max-pool
 * (pad 1); stages of widths 64/128/256/512. Keys as torchvision ({@code conv1.weight}, {@code bn1.*},
 * {@code layer<s>.<b>.*}); the unused torchvision {@code fc} is not built.
 *
 * <p>Input {@code (N, 3, H, W)}, or RadNet's gray slices {@code (N, 1, H, W)} ({@link GraySlices}), which stand for
 * three identical channels; output {@code (N, featureWidth)}.
 *
 * <p>Inference of a {@link #prepareInference prepared} network (a loaded model) folds every BatchNorm into its conv
 * and frees each residual unit's intermediates as soon as the unit is done, so memory holds about one unit's
 * activations instead of the whole trunk's; it runs in the {@link ChannelsLast channels-last} layout.
 */
public final class ResNet2D extends ReferenceBlock implements InferenceFolding, GraySlices {
    /** Residual units per checkpointed segment (see {@link #forwardInternal}). */
    private static final int SEGMENT_UNITS = 2;
    private final int inChannels;
    private final Conv2d conv1;
    private final ReferenceBatchNorm2d bn1;
    private final List<ResidualUnit> units = new ArrayList<>();
    private final int featureWidth;
    private volatile FoldedConv foldedStem;
    private volatile FoldedConv foldedGrayStem;

    /**
     * @param layers 18, 34 or 50
     * @param inChannels input channels (3 in the reference)
     */
    public ResNet2D(int layers, int inChannels) {
        int[] blocks;
        boolean bottleneck;
        switch (layers) {
            case 18: blocks = new int[] {2, 2, 2, 2}; bottleneck = false; break;
            case 34: blocks = new int[] {3, 4, 6, 3}; bottleneck = false; break;
            case 50: blocks = new int[] {3, 4, 6, 3}; bottleneck = true; break;
            default: throw new IllegalArgumentException("ResNet-" + layers + " is not supported (18, 34, 50)");
        }
        this.inChannels = inChannels;
        conv1 = addReferenceChild("conv1", Conv2d.builder().setFilters(64).setKernelShape(new Shape(7, 7))
                .optStride(new Shape(2, 2)).optPadding(new Shape(3, 3)).optBias(false).build());
        bn1 = addReferenceChild("bn1", new ReferenceBatchNorm2d(64));
        int in = 64;
        int expansion = bottleneck ? 4 : 1;
        for (int stage = 0; stage < 4; stage++) {
            int width = 64 << stage;
            for (int b = 0; b < blocks[stage]; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                units.add(addReferenceChild("layer" + (stage + 1) + "." + b,
                        new ResidualUnit(in, width, stride, bottleneck)));
                in = width * expansion;
            }
        }
        featureWidth = in;
    }

    /** Width of the pooled feature: 512 for ResNet-18/34, 2048 for ResNet-50. */
    public int featureWidth() {
        return featureWidth;
    }

    @Override
    public void prepareInference(NDManager manager) {
        foldedStem = FoldedConv.of(conv1, bn1, 2, 3, manager);
        foldedGrayStem = inChannels > 1 ? foldedStem.forIdenticalChannels(manager) : foldedStem;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        boolean gray = input.getShape().get(1) == 1 && inChannels > 1; // RadNet's gray slices (GraySlices)
        FoldedConv stem = gray ? foldedGrayStem : foldedStem;
        if (!training && stem != null) {
            return new NDList(scopedInference(ps, input, stem));
        }
        if (gray) {
            input = input.repeat(1, inChannels); // the reference's identical channels
        }
        // training runs in the channels-last layout, as inference does: oneDNN's convolutions, BatchNorm, ReLU, the
        // max-pool and the residual adds keep it forward and backward (measured on 2 threads: a full-size step
        // about 15 % faster, the demo size about 10 %). Intermediates are closed as soon as they are consumed
        // (autograd keeps what backward needs).
        NDArray cl = ChannelsLast.of(input);
        if (gray) {
            input.close();
        }
        // the stem and the first units hold the largest activations: when training asks, they run as checkpointed
        // segments of two units (the stem with the first). Recomputing costs the same forward whatever the split;
        // two units a segment keep half the boundaries' outputs of one a segment, and the recompute of a pair comes
        // when the deeper stages' activations are gone (full size, 1 scan, 5 units: a 4.34 GB peak, about 0.1 GB
        // under one segment per unit and 0.5 GB under one per stage, at the same step time)
        int end = Math.min(Recompute.units(), units.size());
        NDArray x = cl;
        if (end > 0) {
            x = Recompute.checkpoint(x, in -> stemAndUnits(ps, in, training, -1, 1));
            for (int i = 1; i < end; i += SEGMENT_UNITS) {
                int from = i;
                int to = Math.min(end, i + SEGMENT_UNITS);
                x = Recompute.checkpoint(x, in -> stemAndUnits(ps, in, training, from, to));
            }
        } else {
            x = stemAndUnits(ps, x, training, -1, 0);
        }
        NDArray keep = end > 0 ? x : cl; // a checkpoint's output must stay open for its backward
        for (int i = end; i < units.size(); i++) {
            x = ResidualUnit.next(x, keep, units.get(i).forward(ps, new NDList(x), training).head());
        }
        return new NDList(ResidualUnit.next(x, keep, Pool.globalAvgPool2d(x)));
    }

    /**
     * Units {@code from} to {@code to} on {@code input} (kept open), after the stem (7x7/2 conv, BN, ReLU, 3x3/2
     * max-pool) when {@code from} is -1.
     */
    private NDArray stemAndUnits(ParameterStore ps, NDArray input, boolean training, int from, int to) {
        NDArray x = input;
        if (from == -1) {
            x = ResidualUnit.next(x, input, conv1.forward(ps, new NDList(x), training).head());
            x = ResidualUnit.next(x, input, bn1.forward(ps, new NDList(x), training).head());
            x = ResidualUnit.next(x, input, Activation.relu(x));
            x = ResidualUnit.next(x, input, Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1),
                    false));
        }
        for (int i = Math.max(from, 0); i < to; i++) {
            x = ResidualUnit.next(x, input, units.get(i).forward(ps, new NDList(x), training).head());
        }
        return x;
    }

    /** Eval-mode forward, unit by unit, each in its own scope: only its output survives it. */
    private NDArray scopedInference(ParameterStore ps, NDArray input, FoldedConv stem) {
        NDManager home = input.getManager();
        NDArray x;
        try (NDManager scope = home.newSubManager()) {
            input.tempAttach(scope);
            x = Activation.relu(stem.apply(ChannelsLast.of(input)));
            x = Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
            x.attach(home);
        }
        for (Block unit : units) {
            try (NDManager scope = home.newSubManager()) {
                x.attach(scope);
                x = unit.forward(ps, new NDList(x), false).head();
                x.attach(home);
            }
        }
        try (NDManager scope = home.newSubManager()) {
            x.attach(scope);
            x = Pool.globalAvgPool2d(x);
            x.attach(home);
        }
        return x;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv1.initialize(manager, dataType, new Shape(1, inChannels, 16, 16));
        bn1.initialize(manager, dataType, new Shape(1, 64, 8, 8));
        for (ResidualUnit u : units) {
            u.initialize(manager, dataType, new Shape(1, 1, 8, 8));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), featureWidth)};
    }
}
