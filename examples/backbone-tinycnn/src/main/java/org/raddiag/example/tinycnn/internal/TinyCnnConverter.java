package org.raddiag.example.tinycnn.internal;

import java.util.Map;
import org.raddiag.onnx.BlockCall;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.Nn;
import org.raddiag.onnx.OnnxGraphBuilder;
import org.raddiag.onnx.Weights;

/**
 * ONNX nodes of {@link TinyCnn}, the same operations in the same order: Conv (3x3, stride 2, pad 1, bias) and Relu
 * twice, GlobalAveragePool, Flatten to {@code (N, F)}. The backbone component ({@link TinyCnnBackbone}) builds it
 * for the exporter, so {@code export-onnx} and the ONNX Runtime backend work for models of this backbone.
 */
final class TinyCnnConverter implements BlockConverter {
    @Override
    public void emit(OnnxGraphBuilder g, BlockCall call) {
        String p = call.component();
        String x = conv(g, call.weights(), "conv1", call.input(0), p + ".conv1");
        x = conv(g, call.weights(), "conv2", x, p + ".conv2");
        x = g.op("GlobalAveragePool", p + ".pool", Nn.NONE, x);
        Nn.rename(g, g.op("Flatten", p + ".flat", Map.of("axis", 1), x), call.output(0));
    }

    private static String conv(OnnxGraphBuilder g, Weights w, String key, String x, String hint) {
        long[] ws = w.shape(key + ".weight");
        if (ws.length != 4 || ws[2] != 3 || ws[3] != 3) {
            throw new IllegalArgumentException("'" + key + ".weight' is not a 3x3 conv kernel");
        }
        String weight = g.floats(hint + ".w", w.floats(key + ".weight"), ws);
        String bias = g.floats(hint + ".b", w.floats(key + ".bias", ws[0]), ws[0]);
        String y = g.op("Conv", hint, Map.of("kernel_shape", new long[] {3, 3}, "strides", new long[] {2, 2},
                "pads", new long[] {1, 1, 1, 1}), x, weight, bias);
        return g.op("Relu", hint + ".relu", Nn.NONE, y);
    }
}
