package org.raddiag.onnx.internal;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.raddiag.onnx.OnnxGraphBuilder;

/**
 * {@link OnnxGraphBuilder} that writes {@code OnnxMl} protobuf messages (the ONNX classes shipped with Tribuo's
 * {@code tribuo-util-onnx}) directly, because Tribuo's {@code ONNXContext} only declares 2-D float inputs and
 * renames outputs. Initializers are stored as little-endian {@code raw_data}.
 */
final class ProtoGraphBuilder implements OnnxGraphBuilder {
    static final int OPSET = 17;
    static final long IR_VERSION = 8;

    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    private final Set<String> reserved = new HashSet<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final Map<Float, String> scalars = new HashMap<>();
    private final ExternalWeights external;

    ProtoGraphBuilder(String graphName) {
        this(graphName, null);
    }

    /** {@code external}: where large float initializers go (ONNX external data); null keeps them inline. */
    ProtoGraphBuilder(String graphName, ExternalWeights external) {
        graph.setName(graphName);
        this.external = external;
    }

    @Override
    public int opset() {
        return OPSET;
    }

    @Override
    public String fresh(String hint) {
        String base = hint.isEmpty() ? "t" : hint;
        String name = base;
        while (names.contains(name) || reserved.contains(name)) {
            int n = counters.merge(base, 1, Integer::sum);
            name = base + "_" + n;
        }
        return name;
    }

    /** A fresh name that later {@link #fresh} calls avoid until a node writes it. */
    String reserve(String hint) {
        String name = fresh(hint);
        reserved.add(name);
        return name;
    }

    private void claim(String name) {
        reserved.remove(name);
        if (!names.add(name)) {
            throw new IllegalArgumentException("tensor name '" + name + "' is already used in the graph");
        }
    }

    @Override
    public String op(String opType, String outputHint, Map<String, Object> attributes, String... inputs) {
        String out = fresh(outputHint);
        opInto(opType, Arrays.asList(inputs), List.of(out), attributes);
        return out;
    }

    @Override
    public void opInto(String opType, List<String> inputs, List<String> outputs, Map<String, Object> attributes) {
        OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder().setOpType(opType);
        for (String in : inputs) {
            if (!in.isEmpty() && !names.contains(in)) {
                throw new IllegalArgumentException(opType + " reads unknown tensor '" + in + "'");
            }
            node.addInput(in);
        }
        for (String out : outputs) {
            claim(out);
            node.addOutput(out);
        }
        node.setName(fresh("node_" + (outputs.isEmpty() ? opType : outputs.get(0))));
        names.add(node.getName());
        for (Map.Entry<String, Object> a : new TreeMap<>(attributes).entrySet()) {
            node.addAttribute(attribute(a.getKey(), a.getValue()));
        }
        graph.addNode(node);
    }

    @Override
    public String floats(String hint, float[] values, long... shape) {
        check(values.length, shape, hint);
        if (external != null && values.length >= ExternalWeights.MIN_FLOATS) {
            return externalInitializer(hint, external.put(values), shape);
        }
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return initializer(hint, OnnxMl.TensorProto.DataType.FLOAT_VALUE, b, shape);
    }

    @Override
    public String longs(String hint, long[] values, long... shape) {
        check(values.length, shape, hint);
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return initializer(hint, OnnxMl.TensorProto.DataType.INT64_VALUE, b, shape);
    }

    @Override
    public String scalar(float value) {
        return scalars.computeIfAbsent(value, v -> floats("const_" + v, new float[] {v}));
    }

    /** Declares a graph input; a dimension is a {@code Long} (fixed) or a {@code String} (symbolic). */
    void input(String name, int elemType, Object... dims) {
        claim(name);
        graph.addInput(valueInfo(name, elemType, dims));
    }

    /** Declares a graph output that a node already writes. */
    void output(String name, int elemType, Object... dims) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException("graph output '" + name + "' is not produced by any node");
        }
        graph.addOutput(valueInfo(name, elemType, dims));
    }

    /** The finished model. */
    OnnxMl.ModelProto model(String producer, Map<String, String> metadata) {
        OnnxMl.ModelProto.Builder m = OnnxMl.ModelProto.newBuilder().setIrVersion(IR_VERSION)
                .setProducerName(producer).setProducerVersion("1.0.0")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph.build());
        metadata.forEach((k, v) -> m.addMetadataProps(
                OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build();
    }

    private String initializer(String hint, int type, ByteBuffer data, long... shape) {
        String name = fresh(hint);
        claim(name);
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(type)
                .setRawData(ByteString.copyFrom(data.rewind()));
        for (long d : shape) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    private String externalInitializer(String hint, ExternalWeights.Extent at, long... shape) {
        String name = fresh(hint);
        claim(name);
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)
                .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
                .addExternalData(entry("location", at.location()))
                .addExternalData(entry("offset", Long.toString(at.offset())))
                .addExternalData(entry("length", Long.toString(at.length())));
        for (long d : shape) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    private static OnnxMl.StringStringEntryProto entry(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static void check(int count, long[] shape, String hint) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != count) {
            throw new IllegalArgumentException("initializer '" + hint + "' of shape " + Arrays.toString(shape)
                    + " needs " + n + " values, got " + count);
        }
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, int elemType, Object... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (Object d : dims) {
            OnnxMl.TensorShapeProto.Dimension.Builder dim = OnnxMl.TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String) {
                dim.setDimParam((String) d);
            } else {
                dim.setDimValue(((Number) d).longValue());
            }
            shape.addDim(dim);
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
    }

    static OnnxMl.AttributeProto attribute(String name, Object v) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name);
        if (v instanceof Integer || v instanceof Long) {
            a.setType(OnnxMl.AttributeProto.AttributeType.INT).setI(((Number) v).longValue());
        } else if (v instanceof Float || v instanceof Double) {
            a.setType(OnnxMl.AttributeProto.AttributeType.FLOAT).setF(((Number) v).floatValue());
        } else if (v instanceof String) {
            a.setType(OnnxMl.AttributeProto.AttributeType.STRING)
                    .setS(ByteString.copyFrom((String) v, StandardCharsets.UTF_8));
        } else if (v instanceof long[]) {
            a.setType(OnnxMl.AttributeProto.AttributeType.INTS);
            for (long x : (long[]) v) {
                a.addInts(x);
            }
        } else if (v instanceof int[]) {
            a.setType(OnnxMl.AttributeProto.AttributeType.INTS);
            for (int x : (int[]) v) {
                a.addInts(x);
            }
        } else if (v instanceof float[]) {
            a.setType(OnnxMl.AttributeProto.AttributeType.FLOATS);
            for (float x : (float[]) v) {
                a.addFloats(x);
            }
        } else {
            throw new IllegalArgumentException("attribute '" + name + "' has unsupported type "
                    + (v == null ? "null" : v.getClass().getName()));
        }
        return a.build();
    }
}
