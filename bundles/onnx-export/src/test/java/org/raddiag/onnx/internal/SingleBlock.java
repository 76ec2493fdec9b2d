package org.raddiag.onnx.internal;

import ai.onnx.proto.OnnxMl;
import java.util.List;
import java.util.Map;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.onnx.BlockCall;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.Weights;

/** Test helper: a graph holding one converted block, inputs and outputs with symbolic dimensions. */
final class SingleBlock {
    static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT_VALUE;
    static final int INT64 = OnnxMl.TensorProto.DataType.INT64_VALUE;

    /** A graph input: name, element type and rank. */
    record In(String name, int type, int rank) {
    }

    private SingleBlock() {
    }

    static OnnxMl.ModelProto model(BlockConverter c, ArchitectureConfig config, Weights w, List<In> inputs,
            List<String> outputs, List<Integer> outputRanks) {
        ProtoGraphBuilder g = new ProtoGraphBuilder("block");
        for (In in : inputs) {
            g.input(in.name(), in.type(), dims(in.name(), in.rank()));
        }
        c.emit(g, new BlockCall("block", config, w, inputs.stream().map(In::name).toList(), outputs));
        for (int i = 0; i < outputs.size(); i++) {
            g.output(outputs.get(i), FLOAT, dims(outputs.get(i), outputRanks.get(i)));
        }
        return g.model("test", Map.of());
    }

    private static Object[] dims(String name, int rank) {
        Object[] d = new Object[rank];
        for (int i = 0; i < rank; i++) {
            d[i] = name + "_d" + i;
        }
        return d;
    }
}
