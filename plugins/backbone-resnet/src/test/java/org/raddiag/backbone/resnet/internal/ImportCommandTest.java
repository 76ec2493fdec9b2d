package org.raddiag.backbone.resnet.internal;

import org.raddiag.model.importer.ImportCommand;
import org.raddiag.model.importer.Architectures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;
import org.raddiag.checkpoint.TorchCheckpointWriter;
import org.raddiag.core.registry.FileModelRegistry;

class ImportCommandTest {
    /** Parameters of a randomly initialised demo-small RadNet, plus known-unused keys as the reference saves them. */
    private static StateDict source;

    @TempDir
    Path tmp;

    @BeforeAll
    static void randomNetwork() throws IOException {
        source = new StateDict();
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(11);
            for (Map.Entry<String, Parameter> p : ReferenceNets.assembler().assemble(Architectures.resolve("demo-small"), 0).initialize(m)
                    .referenceParameters().entrySet()) {
                NDArray a = p.getValue().getArray();
                source.put(p.getKey(), TensorData.ofFloats(a.toFloatArray(), a.getShape().getShape()));
            }
        }
        source.put("resnet2D.bn1.num_batches_tracked", TensorData.ofLongs(new long[] {100}));
        source.put("resnet2D.fc.weight", TensorData.ofFloats(new float[1000 * 512], 1000, 512));
        source.put("attention1D.transformer_encoder.encoder.layers.0.sublayer.0.norm.a_2",
                TensorData.ofFloats(new float[32], 32));
    }

    private final class Run {
        final int status;
        final String out;
        final String err;
        final FileModelRegistry registry;

        Run(List<String> args) throws Exception {
            registry = new FileModelRegistry(tmp.resolve("models"));
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            status = new ImportCommand(registry, ReferenceNets.assembler(), tmp.resolve("home")).run(args,
                    new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    private Path labels() throws IOException {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            l.add("class " + i);
        }
        return Files.write(tmp.resolve("labels.txt"), l);
    }

    private Run importFile(Path file, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(file.toString(), "--arch", "demo-small", "--name", "demo:0.1.0",
                "--labels", labels().toString()));
        args.addAll(List.of(extra));
        return new Run(args);
    }

    private static StateDict copy(StateDict sd, String prefix) {
        StateDict out = new StateDict();
        sd.asMap().forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

    private static void assertSameWeights(ModelPackage p) throws IOException {
        StateDict w = SafetensorsFile.read(p.weights());
        for (String k : w.keys()) {
            assertTrue(source.get(k).contentEquals(w.get(k)), k);
        }
        assertFalse(w.contains("resnet2D.fc.weight"));
        assertFalse(w.contains("resnet2D.bn1.num_batches_tracked"));
        assertEquals(source.size() - 3, w.size());
    }

    @Test
    void importsTorchZipCheckpointIntoTheRegistry() throws Exception {
        Path bin = tmp.resolve("pytorch_model.bin");
        TorchCheckpointWriter.write(bin, source);
        Run r = importFile(bin);
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("imported demo:0.1.0"), r.out);
        assertTrue(r.out.contains((source.size() - 3) + " loaded, 3 ignored (known unused), 0 missing, 0 unexpected"),
                r.out);
        assertTrue(r.out.contains("package: " + tmp.resolve("models/demo/0.1.0")), r.out);
        ModelPackage p = r.registry.find(ModelRef.parse("demo")).orElseThrow();
        assertEquals(8, p.labels().size());
        assertEquals("class 7", p.labels().label(7));
        assertEquals(0.5, p.thresholds()[3]);
        assertTrue(p.provenance().get("thresholds").contains("0.5"), p.provenance().toString());
        assertEquals("torch.save zip", p.provenance().get("source_format"));
        assertEquals("resnet18", p.architecture().get("backbone"));
        assertSameWeights(p);
    }

    @Test
    void importsSafetensorsAndStripsDataParallelPrefix() throws Exception {
        Path st = tmp.resolve("model.safetensors");
        SafetensorsFile.write(st, copy(source, "module."), Map.of());
        Run r = importFile(st);
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("'module.' prefix stripped"), r.out);
        ModelPackage p = r.registry.find(ModelRef.parse("demo:0.1.0")).orElseThrow();
        assertEquals("true", p.provenance().get("module_prefix_stripped"));
        assertSameWeights(p);
    }

    @Test
    void strictImportRefusesAMissingKey() throws Exception {
        StateDict sd = new StateDict();
        source.asMap().forEach((k, v) -> {
            if (!k.equals("fc.2.bias")) {
                sd.put(k, v);
            }
        });
        Path bin = tmp.resolve("missing.bin");
        TorchCheckpointWriter.write(bin, sd);
        Run r = importFile(bin);
        assertEquals(1, r.status);
        assertTrue(r.err.contains("missing (1): [fc.2.bias]"), r.err);
        assertTrue(r.err.contains("unexpected (0)"), r.err);
        assertEquals(List.of(), r.registry.list());
    }

    @Test
    void strictImportRefusesAnExtraKeyAndNonStrictDropsIt() throws Exception {
        StateDict sd = copy(source, "");
        sd.put("fc.9.weight", TensorData.ofFloats(new float[4], 2, 2));
        Path bin = tmp.resolve("extra.bin");
        TorchCheckpointWriter.write(bin, sd);
        Run r = importFile(bin);
        assertEquals(1, r.status);
        assertTrue(r.err.contains("unexpected (1): [fc.9.weight]"), r.err);
        assertTrue(r.err.contains("missing (0)"), r.err);
        assertEquals(List.of(), r.registry.list());

        Run lax = importFile(bin, "--non-strict");
        assertEquals(0, lax.status, lax.err);
        ModelPackage p = lax.registry.find(ModelRef.parse("demo")).orElseThrow();
        assertEquals("fc.9.weight", p.provenance().get("unexpected_keys_dropped"));
        assertSameWeights(p);
    }

    @Test
    void shapeMismatchIsRefusedEvenWhenNotStrict() throws Exception {
        StateDict sd = new StateDict();
        source.asMap().forEach((k, v) -> sd.put(k,
                k.equals("fc.2.weight") ? TensorData.ofFloats(new float[9 * 32], 9, 32) : v));
        Path bin = tmp.resolve("shape.bin");
        TorchCheckpointWriter.write(bin, sd);
        Run r = importFile(bin, "--non-strict");
        assertEquals(1, r.status);
        assertTrue(r.err.contains("fc.2.weight: checkpoint [9, 32], network [8, 32]"), r.err);
    }

    @Test
    void architectureFromJsonFileAndLabelCountCheck() throws Exception {
        Path arch = Files.writeString(tmp.resolve("arch.json"), "{\"backbone\": \"resnet18\", \"image_size\": 32, "
                + "\"depth\": 4, \"slots\": 2, \"hidden\": 32, \"classes\": 5, \"fusion\": \"early\"}");
        Path bin = tmp.resolve("pytorch_model.bin");
        TorchCheckpointWriter.write(bin, source);
        Run r = new Run(List.of(bin.toString(), "--arch", arch.toString(), "--name", "x", "--labels",
                labels().toString()));
        assertEquals(1, r.status);
        assertTrue(r.err.contains("has 8 labels but architecture " + arch + " has 5 classes"), r.err);
    }

    @Test
    void referenceLabelsComeFromRaddiagHomeAndTheirAbsenceIsClear() throws Exception {
        Path bin = tmp.resolve("pytorch_model.bin");
        TorchCheckpointWriter.write(bin, source);
        Run r = new Run(List.of(bin.toString(), "--arch", "reference-default", "--name", "rp3d"));
        assertEquals(1, r.status);
        assertTrue(r.err.contains("RP3D disorder labels are not installed at "
                + tmp.resolve("home").resolve(ImportCommand.RP3D_LABELS)), r.err);
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        assertEquals(2, new Run(List.of("x.bin", "--arch", "demo-small")).status);
        Run r = new Run(List.of("x.bin", "--arch", "demo-small", "--name", "a", "--bogus"));
        assertEquals(2, r.status);
        assertTrue(r.err.startsWith("import: Unknown option: '--bogus'"), r.err);
        assertTrue(r.err.contains("Usage: import"), r.err);
        Run bins = new Run(List.of("x.bin", "--arch=demo-small", "--name=a", "--bins", "85"));
        assertEquals(2, bins.status);
        assertTrue(bins.err.startsWith("import: --bins takes HEAD,MEDIUM class counts"), bins.err);
        Run name = new Run(List.of("x.bin", "--arch", "demo-small", "--name", "bad name"));
        assertEquals(2, name.status);
        assertTrue(name.err.startsWith("import: --name: invalid model name"), name.err);
        Run missing = new Run(List.of("--arch", "demo-small", "--name", "a"));
        assertEquals(2, missing.status);
        assertTrue(missing.err.contains("SRC"), missing.err);
    }

    @Test
    void helpPrintsTheUsageAndImportsNothing() throws Exception {
        Run r = new Run(List.of("--help"));
        assertEquals(0, r.status);
        assertTrue(r.out.startsWith("Usage: import [-h] --arch=ARCH --name=NAME[:VERSION]"), r.out);
        assertTrue(r.out.contains("--non-strict"), r.out);
        assertEquals("", r.err);
        assertEquals(List.of(), r.registry.list());
    }
}
