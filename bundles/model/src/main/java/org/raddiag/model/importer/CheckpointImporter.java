package org.raddiag.model.importer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;
import org.raddiag.checkpoint.TorchCheckpoint;
import org.raddiag.model.assembly.NetworkAssembler;
import org.raddiag.model.blocks.LoadReport;
import org.raddiag.model.blocks.ReferenceBlock;
import org.raddiag.model.blocks.ReferenceKeys;
import org.raddiag.model.blocks.StateDictLoader;

/**
 * Reads a checkpoint, strips a DataParallel {@code module.} prefix, builds the network of the architecture (from its
 * plugins, by the {@link NetworkAssembler}) and loads
 * the checkpoint into it: every shape must equal the network's, known-unused reference keys
 * ({@link ReferenceKeys#isKnownUnused}) are ignored, missing and unexpected keys are reported. The result's weights
 * are the network's parameters in the network's order, taken from the checkpoint; in non-strict mode a missing one
 * keeps the network's fresh initial value.
 */
public final class CheckpointImporter {
    private static final String DATA_PARALLEL = "module.";

    private CheckpointImporter() {
    }

    /** Weights for the package and the report; {@code weights} is null unless the import may proceed. */
    public record Result(StateDict weights, ImportReport report) {
    }

    /** Reads {@code source}: a torch.save zip or a safetensors file. */
    public static StateDict read(Path source) throws IOException {
        return isZip(source) ? TorchCheckpoint.read(source) : readSafetensors(source);
    }

    /** {@code torch.save zip} or {@code safetensors}, as {@link #read} will treat {@code source}. */
    public static String formatOf(Path source) throws IOException {
        return isZip(source) ? "torch.save zip" : "safetensors";
    }

    /**
     * Imports {@code sd} (as read from a file of {@code format}) into the network {@code assembler} builds for
     * {@code arch}.
     *
     * @throws IOException when a plugin the architecture names is missing or does not fit it
     */
    public static Result load(StateDict sd, String format, ArchitectureConfig arch, boolean strict,
            NetworkAssembler assembler) throws IOException {
        boolean strip = !sd.keys().isEmpty() && sd.keys().stream().allMatch(k -> k.startsWith(DATA_PARALLEL));
        StateDict source = strip ? sd.withPrefix(DATA_PARALLEL) : sd;
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            ReferenceBlock net = assembler.assemble(arch, NetworkAssembler.DEFAULT_WAIT_MILLIS).initialize(manager);
            Map<String, Parameter> params = net.referenceParameters();
            List<String> mismatches = shapeMismatches(source, params);
            if (!mismatches.isEmpty()) {
                return new Result(null, new ImportReport(List.of(), List.of(), List.of(), List.of(), mismatches, 0, 0,
                        strip, format));
            }
            LoadReport r = StateDictLoader.load(net, source, "", ReferenceKeys::isKnownUnused);
            boolean ok = !strict || r.isClean();
            StateDict weights = new StateDict();
            long elements = 0;
            long trainable = 0;
            for (Map.Entry<String, Parameter> p : params.entrySet()) {
                String key = p.getKey();
                TensorData t = source.contains(key) ? source.get(key) : fromArray(p.getValue().getArray());
                String canonical = source.aliasOf(key);
                if (canonical != null && weights.contains(canonical)) {
                    weights.putAlias(key, canonical);
                } else {
                    weights.put(key, t);
                }
                elements += t.numel();
                Parameter.Type type = p.getValue().getType();
                if (type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR) {
                    trainable += t.numel();
                }
            }
            ImportReport report = new ImportReport(r.loaded(), r.ignored(), r.missing(), r.unexpected(), List.of(),
                    elements, trainable, strip, format);
            return new Result(ok ? weights : null, report);
        }
    }

    private static List<String> shapeMismatches(StateDict sd, Map<String, Parameter> params) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Parameter> p : params.entrySet()) {
            TensorData t = sd.get(p.getKey());
            long[] want = p.getValue().getArray().getShape().getShape();
            if (t != null && !Arrays.equals(t.shape(), want)) {
                out.add(p.getKey() + ": checkpoint " + Arrays.toString(t.shape()) + ", network "
                        + Arrays.toString(want));
            }
        }
        return out;
    }

    private static TensorData fromArray(NDArray a) {
        return TensorData.ofFloats(a.toFloatArray(), a.getShape().getShape());
    }

    private static StateDict readSafetensors(Path source) throws IOException {
        if (!source.getFileName().toString().endsWith(".safetensors")) {
            throw new IOException(source + ": neither a torch.save zip (pytorch_model.bin) nor a .safetensors file");
        }
        return SafetensorsFile.read(source);
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4;
        }
    }
}
