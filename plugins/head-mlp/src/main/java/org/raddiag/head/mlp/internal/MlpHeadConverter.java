package org.raddiag.head.mlp.internal;

import org.raddiag.onnx.BlockCall;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.Nn;
import org.raddiag.onnx.OnnxGraphBuilder;

/**
 * Classifier head {@code mlp}: {@code Gemm(0) -> exact GELU -> Gemm(2)}, keys {@code 0.*} and {@code 2.*}. Built by
 * {@link MlpHeadComponent}, the plugin's model component, for the exporter.
 */
final class MlpHeadConverter implements BlockConverter {
    @Override
    public void emit(OnnxGraphBuilder g, BlockCall call) {
        String p = call.component();
        String h = Nn.gemm(g, call.weights(), "0", call.input(0), p + ".0");
        String a = Nn.gelu(g, h, p + ".gelu");
        Nn.rename(g, Nn.gemm(g, call.weights(), "2", a, p + ".2"), call.output(0));
    }
}
