package org.raddiag.engine.onnxruntime.internal;

import java.util.List;
import java.util.Map;

import org.raddiag.api.data.FloatTensor;
import org.raddiag.support.engine.MlpShapes;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import ai.onnx.proto.OnnxMl;

/**
 * Builds the ONNX model of the classifier head with Tribuo's {@link ONNXContext}:
 * {@code Gemm(transB=1) -> 0.5*h*(1+Erf(h/sqrt(2))) -> Gemm(transB=1)}, weights as initializers, batch dimension
 * dynamic. Input {@value #INPUT}, output {@value #OUTPUT}.
 */
final class MlpGraph {
    static final String INPUT = "x";
    static final String OUTPUT = "logits";
    private static final long IR_VERSION = 8;

    private MlpGraph() {
    }

    /** Serialized {@code ModelProto} for weights already checked by {@link MlpShapes}. */
    static byte[] build(MlpShapes s, FloatTensor w1, FloatTensor b1, FloatTensor w2, FloatTensor b2) {
        ONNXContext ctx = new ONNXContext();
        ctx.setName("raddiag-mlp-head");
        ONNXPlaceholder x = ctx.floatInput(INPUT, s.in());
        ONNXPlaceholder logits = ctx.floatOutput(OUTPUT, s.out());
        ONNXInitializer w1i = ctx.floatTensor("w1", List.of(s.hidden(), s.in()), fb -> fb.put(w1.data()));
        ONNXInitializer b1i = ctx.floatTensor("b1", List.of(s.hidden()), fb -> fb.put(b1.data()));
        ONNXInitializer w2i = ctx.floatTensor("w2", List.of(s.out(), s.hidden()), fb -> fb.put(w2.data()));
        ONNXInitializer b2i = ctx.floatTensor("b2", List.of(s.out()), fb -> fb.put(b2.data()));

        ONNXNode h = op(ctx, ONNXOperators.GEMM, "h", Map.of("transB", 1), x, w1i, b1i);
        ONNXNode scaled = op(ctx, ONNXOperators.DIV, "h_div_sqrt2", Map.of(), h,
                ctx.constant("sqrt2", (float) Math.sqrt(2.0)));
        ONNXNode erf = op(ctx, ExtraOps.ERF, "erf", Map.of(), scaled);
        ONNXNode onePlus = op(ctx, ONNXOperators.ADD, "one_plus_erf", Map.of(), erf, ctx.constant("one", 1f));
        ONNXNode prod = op(ctx, ONNXOperators.MUL, "h_times", Map.of(), h, onePlus);
        ONNXNode gelu = op(ctx, ONNXOperators.MUL, "gelu", Map.of(), prod, ctx.constant("half", 0.5f));
        op(ctx, ONNXOperators.GEMM, "gemm2", Map.of("transB", 1), gelu, w2i, b2i).assignTo(logits);

        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("raddiag-engine-onnxruntime")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(ExtraOps.OPSET))
                .setGraph(ctx.buildGraph())
                .build()
                .toByteArray();
    }

    private static ONNXNode op(ONNXContext ctx, ONNXOperator op, String out, Map<String, Object> attrs,
            ONNXRef<?>... inputs) {
        return ctx.operation(op, List.of(inputs), out, attrs);
    }
}
