package org.raddiag.onnx.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;
import org.raddiag.model.blocks.ReferenceBlock;
import org.raddiag.onnx.BlockCall;
import org.raddiag.onnx.Nn;
import org.raddiag.onnx.OnnxGraphBuilder;
import org.raddiag.onnx.Weights;

/**
 * Test-only backbone and head, each a DJL block with its ONNX converter, so that this bundle's tests export and run
 * whole RadNet graphs without a backbone or head plugin (those depend on this bundle; their own tests check their
 * converters). Backbone {@code tinyconv}: 3x3/2 conv (3 -> {@value #WIDTH}, bias, pad 1), ReLU, global average
 * pooling; head {@code linear}: one Linear, keys {@code 0.*}.
 */
final class TinyParts {
    static final String BACKBONE = "tinyconv";
    static final String HEAD = "linear";
    static final int WIDTH = 8;

    private TinyParts() {
    }

    /** This bundle's converters and the two test converters. */
    static Converters converters() {
        return Converters.builtIn().add(BACKBONE, TinyParts::backboneNodes).add(HEAD, TinyParts::headNodes);
    }

    static final class Backbone extends ReferenceBlock {
        private final Conv2d conv;

        Backbone() {
            conv = addReferenceChild("conv", Conv2d.builder().setFilters(WIDTH).setKernelShape(new Shape(3, 3))
                    .optStride(new Shape(2, 2)).optPadding(new Shape(1, 1)).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDArray x = Activation.relu(conv.forward(ps, inputs, training).head());
            return new NDList(Pool.globalAvgPool2d(x));
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            conv.initialize(manager, dataType, new Shape(1, 3, 16, 16));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), WIDTH)};
        }
    }

    static final class Head extends ReferenceBlock {
        private final int in;
        private final Linear linear;

        Head(int in, int classes) {
            this.in = in;
            linear = addReferenceChild("0", Linear.builder().setUnits(classes).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                PairList<String, Object> params) {
            return linear.forward(ps, new NDList(inputs.head()), training);
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            linear.initialize(manager, dataType, new Shape(1, in));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return linear.getOutputShapes(inputShapes);
        }
    }

    /** The backbone's converter. */
    static void backboneNodes(OnnxGraphBuilder g, BlockCall call) {
        Weights w = call.weights();
        String p = call.component();
        String weight = g.floats(p + ".w", w.floats("conv.weight"), w.shape("conv.weight"));
        String bias = g.floats(p + ".b", w.floats("conv.bias"), w.shape("conv.bias"));
        String y = g.op("Conv", p + ".conv", Map.of("kernel_shape", new long[] {3, 3},
                "strides", new long[] {2, 2}, "pads", new long[] {1, 1, 1, 1}), call.input(0), weight, bias);
        String pooled = g.op("GlobalAveragePool", p + ".gap", Nn.NONE, g.op("Relu", p + ".relu", Nn.NONE, y));
        Nn.rename(g, g.op("Flatten", p + ".features", Map.of("axis", 1), pooled), call.output(0));
    }

    /** The head's converter. */
    static void headNodes(OnnxGraphBuilder g, BlockCall call) {
        Nn.rename(g, Nn.gemm(g, call.weights(), "0", call.input(0), call.component() + ".0"), call.output(0));
    }
}
