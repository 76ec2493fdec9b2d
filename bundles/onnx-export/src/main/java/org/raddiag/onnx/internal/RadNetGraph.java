package org.raddiag.onnx.internal;

import ai.onnx.proto.OnnxMl;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.onnx.BlockCall;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.BlockRole;
import org.raddiag.onnx.Nn;
import org.raddiag.onnx.OnnxExporter;
import org.raddiag.onnx.Weights;

/**
 * Assembles the RadNet graph from one converter per role: slices to batch with the channel repeated 3 times,
 * backbone ({@code resnet2D.*}), optional {@code projection} Linear (present in the weights when the backbone width
 * differs from hidden), pooling ({@code attention1D.*}), fusion ({@code vitFuse.*}, early fusion only) and head
 * ({@code fc.*}). Late fusion expects S = 1.
 */
final class RadNetGraph {
    static final String PRODUCER = "raddiag-onnx-export";
    private static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT_VALUE;
    private static final int INT64 = OnnxMl.TensorProto.DataType.INT64_VALUE;
    /** State-dict prefix per role. */
    private static final Map<BlockRole, String> PREFIX = Map.of(BlockRole.BACKBONE, "resnet2D",
            BlockRole.POOLING, "attention1D", BlockRole.FUSION, "vitFuse", BlockRole.HEAD, "fc");

    private final Function<String, BlockConverter> converters;
    private final Supplier<Set<String>> available;

    /**
     * @param converters block type to converter, or null when none is registered
     * @param available the block types there are converters for (for the error message)
     */
    RadNetGraph(Function<String, BlockConverter> converters, Supplier<Set<String>> available) {
        this.converters = converters;
        this.available = available;
    }

    /** Block types {@code config} needs, in graph order. */
    static Set<String> blockTypes(ArchitectureConfig config) {
        Set<String> out = new LinkedHashSet<>();
        for (BlockRole role : BlockRole.values()) {
            String t = role.blockType(config);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** Input of the {@link #buildEncoder encoder part}: single-channel slices {@code (N, 1, H, W)}. */
    static final String INPUT_SLICES = "slices";
    /** Output of the encoder part and input of the {@link #buildAggregator aggregator part}. */
    static final String FEATURES = "features";

    /** The whole network: {@code images, mods, marks -> logits, slice_attention} (what {@code export-onnx} writes). */
    OnnxMl.ModelProto build(ArchitectureConfig config, Weights w) {
        ProtoGraphBuilder g = new ProtoGraphBuilder("radnet");
        int hidden = config.getInt(ArchitectureConfig.HIDDEN);
        Object[] hw = imageSize(config);
        g.input(OnnxExporter.INPUT_IMAGES, FLOAT, "batch", "slots", 1L, hw[0], hw[1], "slices");
        inputsModsMarks(g);
        String shape = g.op("Shape", "images.shape", Nn.NONE, OnnxExporter.INPUT_IMAGES);
        String depth = g.op("Slice", "slices.count", Nn.NONE, shape, Nn.ints(g, "five", 5), Nn.ints(g, "six", 6));
        String caseSlots = g.op("Slice", "case.slots", Nn.NONE, shape, Nn.ints(g, "zero", 0), Nn.ints(g, "two", 2));
        String hwShape = g.op("Slice", "images.hw", Nn.NONE, shape, Nn.ints(g, "three", 3), Nn.ints(g, "five5", 5));
        String sliceShape = g.op("Concat", "slices.shape", Map.of("axis", 0), Nn.ints(g, "minusOneOne", -1, 1),
                hwShape);
        String slices = g.op("Reshape", "slices.gray", Nn.NONE, g.op("Transpose", "images.depthFirst",
                Map.of("perm", new long[] {0, 1, 5, 2, 3, 4}), OnnxExporter.INPUT_IMAGES), sliceShape);
        String feats = encode(g, config, w, slices);
        aggregate(g, config, w, feats, depth, caseSlots, hidden);
        return g.model(PRODUCER, metadata(config));
    }

    /**
     * The slice encoder alone: {@code slices (N, 1, H, W) -> features (N, hidden)} (backbone and projection). With
     * {@link #buildAggregator} it computes what {@link #build} does, so a runner can feed the backbone a bounded
     * number of slices at a time and skip the padded ones. {@code external}: where the large weights go (null:
     * inline).
     */
    OnnxMl.ModelProto buildEncoder(ArchitectureConfig config, Weights w, ExternalWeights external) {
        ProtoGraphBuilder g = new ProtoGraphBuilder("radnet-encoder", external);
        int hidden = config.getInt(ArchitectureConfig.HIDDEN);
        Object[] hw = imageSize(config);
        g.input(INPUT_SLICES, FLOAT, "n", 1L, hw[0], hw[1]);
        String feats = encode(g, config, w, INPUT_SLICES);
        Nn.rename(g, feats, FEATURES);
        g.output(FEATURES, FLOAT, "n", (long) hidden);
        return g.model(PRODUCER, metadata(config));
    }

    /**
     * Everything after the slice encoder: {@code features (B, S, D, hidden), mods, marks -> logits, slice_attention};
     * the features of masked slices may be anything (zeros), as they are masked keys. {@code external} as for
     * {@link #buildEncoder}.
     */
    OnnxMl.ModelProto buildAggregator(ArchitectureConfig config, Weights w, ExternalWeights external) {
        ProtoGraphBuilder g = new ProtoGraphBuilder("radnet-aggregator", external);
        int hidden = config.getInt(ArchitectureConfig.HIDDEN);
        g.input(FEATURES, FLOAT, "batch", "slots", "slices", (long) hidden);
        inputsModsMarks(g);
        String shape = g.op("Shape", "marks.shape", Nn.NONE, OnnxExporter.INPUT_MARKS);
        String depth = g.op("Slice", "slices.count", Nn.NONE, shape, Nn.ints(g, "two", 2), Nn.ints(g, "three", 3));
        String caseSlots = g.op("Slice", "case.slots", Nn.NONE, shape, Nn.ints(g, "zero", 0), Nn.ints(g, "two2", 2));
        String feats = g.op("Reshape", "features.flat", Nn.NONE, FEATURES, Nn.ints(g, "flat", -1, hidden));
        aggregate(g, config, w, feats, depth, caseSlots, hidden);
        return g.model(PRODUCER, metadata(config));
    }

    private static Object[] imageSize(ArchitectureConfig config) {
        String size = config.get(ArchitectureConfig.IMAGE_SIZE, null);
        Object hw = size == null ? "height" : (Object) Long.parseLong(size.trim());
        Object ww = size == null ? "width" : hw;
        return new Object[] {hw, ww};
    }

    private static void inputsModsMarks(ProtoGraphBuilder g) {
        g.input(OnnxExporter.INPUT_MODS, INT64, "batch", "slots");
        g.input(OnnxExporter.INPUT_MARKS, INT64, "batch", "slots", "slices");
    }

    /** Gray slices {@code (N, 1, H, W)} to features {@code (N, hidden)}: channel repeated 3 times, backbone, projection. */
    private String encode(ProtoGraphBuilder g, ArchitectureConfig config, Weights w, String slices) {
        String rgb = g.op("Concat", "slices.rgb", Map.of("axis", 1), slices, slices, slices);
        String feats = call(g, BlockRole.BACKBONE, config, w, List.of(rgb), "slice.features");
        if (w.contains("projection.weight")) {
            feats = Nn.gemm(g, w, "projection", feats, "projection");
        }
        return feats;
    }

    /** Features {@code (B*S*D, hidden)} to the outputs: pooling, fusion, head, slice attention. */
    private void aggregate(ProtoGraphBuilder g, ArchitectureConfig config, Weights w, String feats, String depth,
            String caseSlots, int hidden) {
        String seqShape = g.op("Concat", "scans.shape", Map.of("axis", 0), Nn.ints(g, "minusOne", -1), depth,
                Nn.ints(g, "hidden", hidden));
        String scans = g.op("Reshape", "scans", Nn.NONE, feats, seqShape);
        String marks = g.op("Reshape", "scans.marks", Nn.NONE, OnnxExporter.INPUT_MARKS,
                g.op("Concat", "marks.shape", Map.of("axis", 0), Nn.ints(g, "minusOne2", -1), depth));
        String[] pooled = callMany(g, BlockRole.POOLING, config, w, List.of(scans, marks), "pooled", "cls.attention");
        String perCase = g.op("Reshape", "case.scans", Nn.NONE, pooled[0],
                g.op("Concat", "case.shape", Map.of("axis", 0), caseSlots, Nn.ints(g, "hidden2", hidden)));
        String fused;
        if (BlockRole.FUSION.blockType(config) != null) {
            fused = call(g, BlockRole.FUSION, config, w, List.of(perCase, OnnxExporter.INPUT_MODS), "fused");
        } else {
            fused = g.op("Reshape", "fused", Nn.NONE, pooled[0], Nn.ints(g, "lateShape", -1, hidden));
        }
        String logits = call(g, BlockRole.HEAD, config, w, List.of(fused), "head.logits");
        Nn.rename(g, logits, OnnxExporter.OUTPUT_LOGITS);
        String sliceAttn = g.op("Slice", "slice.attention", Nn.NONE, pooled[1], Nn.ints(g, "one", 1),
                Nn.ints(g, "end", Long.MAX_VALUE), Nn.ints(g, "axis1", 1));
        g.opInto("Reshape", List.of(sliceAttn, g.op("Shape", "marks.shape3", Nn.NONE, OnnxExporter.INPUT_MARKS)),
                List.of(OnnxExporter.OUTPUT_SLICE_ATTENTION), Nn.NONE);
        g.output(OnnxExporter.OUTPUT_LOGITS, FLOAT, "batch", (long) config.getInt(ArchitectureConfig.CLASSES));
        g.output(OnnxExporter.OUTPUT_SLICE_ATTENTION, FLOAT, "batch", "slots", "slices");
    }

    private static Map<String, String> metadata(ArchitectureConfig config) {
        Map<String, String> meta = new LinkedHashMap<>();
        config.asMap().forEach((k, v) -> {
            if (!k.equals("package.dir")) { // a local folder, not part of the architecture
                meta.put("raddiag." + k, v);
            }
        });
        return meta;
    }

    private String call(ProtoGraphBuilder g, BlockRole role, ArchitectureConfig config, Weights w, List<String> in,
            String out) {
        return callMany(g, role, config, w, in, out)[0];
    }

    private String[] callMany(ProtoGraphBuilder g, BlockRole role, ArchitectureConfig config, Weights w,
            List<String> in, String... outHints) {
        String type = role.blockType(config);
        BlockConverter c = converters.apply(type);
        if (c == null) {
            throw new IllegalArgumentException("no ONNX converter for " + role + " block type '" + type
                    + "' (is the " + role + " plugin that provides it installed? converters installed: "
                    + available.get() + ")");
        }
        String prefix = PREFIX.get(role);
        Weights sub = w.under(prefix + ".");
        if (sub.keys().isEmpty()) {
            throw new IllegalArgumentException("the weights have no '" + prefix + ".*' keys for the " + role);
        }
        String[] outs = new String[outHints.length];
        for (int i = 0; i < outs.length; i++) {
            outs[i] = g.reserve(outHints[i]);
        }
        c.emit(g, new BlockCall(prefix, config, sub, in, List.of(outs)));
        return outs;
    }
}
