package org.raddiag.example.tinycnn.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.raddiag.model.blocks.ReferenceBlock;

/**
 * The slice encoder: {@code conv1} 3x3 stride 2 (3 -> F/2 channels) and ReLU, {@code conv2} 3x3 stride 2
 * (F/2 -> F) and ReLU, global average pooling. Input {@code (N, 3, H, W)}, output {@code (N, F)}. Its parameters
 * are {@code conv1.weight}, {@code conv1.bias}, {@code conv2.weight}, {@code conv2.bias} (RadNet puts them under
 * {@code resnet2D.}), what {@link TinyCnnConverter} reads.
 */
final class TinyCnn extends ReferenceBlock {
    private final int width;
    private final Conv2d conv1;
    private final Conv2d conv2;

    TinyCnn(int width) {
        this.width = width;
        conv1 = addReferenceChild("conv1", conv(width / 2));
        conv2 = addReferenceChild("conv2", conv(width));
    }

    private static Conv2d conv(int filters) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
                .optPadding(new Shape(1, 1)).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList x = Activation.relu(conv1.forward(ps, inputs, training));
        x = Activation.relu(conv2.forward(ps, x, training));
        NDArray pooled = Pool.globalAvgPool2d(x.head());
        return new NDList(pooled);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv1.initialize(manager, dataType, inputShapes[0]);
        conv2.initialize(manager, dataType, conv1.getOutputShapes(inputShapes)[0]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), width)};
    }
}
