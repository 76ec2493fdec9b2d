package org.raddiag.backbone.resnet.internal;

import java.util.Map;
import org.raddiag.onnx.BlockCall;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.Nn;
import org.raddiag.onnx.OnnxGraphBuilder;
import org.raddiag.onnx.Weights;

/**
 * The torchvision ResNet trunk (v1.5, keys {@code conv1}, {@code bn1}, {@code layer<s>.<b>.*}) up to global average
 * pooling: Conv/BatchNormalization(eps 1e-5, running statistics)/Relu, 3x3/2 MaxPool, residual units with a
 * {@code downsample} projection where present, GlobalAveragePool and Flatten. Subclasses fix the variant.
 */
abstract class ResNetConverter implements BlockConverter {
    private static final float BN_EPS = 1e-5f;
    private final int depth;
    private final int[] blocks;
    private final boolean bottleneck;

    ResNetConverter(int depth) {
        this.depth = depth;
        switch (depth) {
            case 18: blocks = new int[] {2, 2, 2, 2}; bottleneck = false; break;
            case 34: blocks = new int[] {3, 4, 6, 3}; bottleneck = false; break;
            case 50: blocks = new int[] {3, 4, 6, 3}; bottleneck = true; break;
            default: throw new IllegalArgumentException("ResNet-" + depth + " is not supported (18, 34, 50)");
        }
    }

    @Override
    public String blockType() {
        return "resnet" + depth;
    }

    @Override
    public void emit(OnnxGraphBuilder g, BlockCall call) {
        Weights w = call.weights();
        String p = call.component();
        String x = convBn(g, w, "conv1", "bn1", call.input(0), 2, p + ".stem");
        x = g.op("Relu", p + ".stem.relu", Nn.NONE, x);
        x = g.op("MaxPool", p + ".pool", Map.of("kernel_shape", new long[] {3, 3}, "strides", new long[] {2, 2},
                "pads", new long[] {1, 1, 1, 1}), x);
        for (int stage = 0; stage < 4; stage++) {
            if (w.contains("layer" + (stage + 1) + "." + blocks[stage] + ".conv1.weight")) {
                throw new IllegalArgumentException("stage " + (stage + 1) + " has more blocks than " + blockType());
            }
            for (int b = 0; b < blocks[stage]; b++) {
                x = unit(g, w, "layer" + (stage + 1) + "." + b + ".", x, stage > 0 && b == 0 ? 2 : 1, p);
            }
        }
        String pooled = g.op("GlobalAveragePool", p + ".gap", Nn.NONE, x);
        Nn.rename(g, g.op("Flatten", p + ".features", Map.of("axis", 1), pooled), call.output(0));
    }

    private String unit(OnnxGraphBuilder g, Weights w, String k, String in, int stride, String p) {
        if (bottleneck != w.contains(k + "conv3.weight")) {
            throw new IllegalArgumentException("weights of '" + k + "' do not have the " + blockType() + " layout");
        }
        String h = p + "." + k.substring(0, k.length() - 1);
        int convs = bottleneck ? 3 : 2;
        String x = in;
        for (int i = 1; i <= convs; i++) {
            int s = (bottleneck ? i == 2 : i == 1) ? stride : 1;
            x = convBn(g, w, k + "conv" + i, k + "bn" + i, x, s, h + ".c" + i);
            if (i < convs) {
                x = g.op("Relu", h + ".relu" + i, Nn.NONE, x);
            }
        }
        String identity = in;
        if (w.contains(k + "downsample.0.weight")) {
            identity = convBn(g, w, k + "downsample.0", k + "downsample.1", in, stride, h + ".down");
        }
        return g.op("Relu", h + ".out", Nn.NONE, g.op("Add", h + ".sum", Nn.NONE, x, identity));
    }

    /** Bias-free square conv with padding kernel/2, then BatchNormalization with the running statistics. */
    private static String convBn(OnnxGraphBuilder g, Weights w, String conv, String bn, String x, int stride,
            String hint) {
        long[] ws = w.shape(conv + ".weight");
        if (ws.length != 4 || ws[2] != ws[3]) {
            throw new IllegalArgumentException("'" + conv + ".weight' is not a square conv kernel");
        }
        long k = ws[2];
        long c = ws[0];
        String weight = g.floats(hint + ".w", w.floats(conv + ".weight"), ws);
        String y = g.op("Conv", hint + ".conv", Map.of("kernel_shape", new long[] {k, k},
                "strides", new long[] {stride, stride}, "pads", new long[] {k / 2, k / 2, k / 2, k / 2}), x, weight);
        String scale = g.floats(hint + ".gamma", w.floats(bn + ".weight", c), c);
        String bias = g.floats(hint + ".beta", w.floats(bn + ".bias", c), c);
        String mean = g.floats(hint + ".mean", w.floats(bn + ".running_mean", c), c);
        String var = g.floats(hint + ".var", w.floats(bn + ".running_var", c), c);
        return g.op("BatchNormalization", hint + ".bn", Map.of("epsilon", BN_EPS), y, scale, bias, mean, var);
    }
}
