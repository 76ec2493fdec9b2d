package org.raddiag.onnx.internal;

import org.raddiag.onnx.testing.OrtRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.onnx.OnnxExporter;

/** {@code export-onnx}: an atomic file that the ONNX checker accepts and ONNX Runtime runs like DJL. */
class ExportOnnxCommandTest {
    @TempDir
    static Path dir;
    private static SmallRadNet net;
    private static TestPackage pkg;

    @BeforeAll
    static void model() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(5);
            net = new SmallRadNet(m, 32, 13);
        }
        pkg = TestPackage.write(dir, "tiny", net.arch, net.weights);
    }

    private static ModelRegistry registry() {
        return new ModelRegistry() {
            @Override
            public List<ModelRef> list() {
                return List.of(pkg.ref());
            }

            @Override
            public Optional<ModelPackage> find(ModelRef ref) {
                return ref.name().equals("tiny") ? Optional.of(pkg) : Optional.empty();
            }

            @Override
            public ModelRef install(Path packagePath) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ModelRef create(org.raddiag.api.model.ModelDraft draft) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) throws Exception {
        ExportOnnxCommand c = new ExportOnnxCommand(registry(), new Exporter(TinyParts.converters()));
        return c.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void exportsACheckedRunnableFile() throws Exception {
        Path target = dir.resolve("out/tiny.onnx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(out, err, "--model", "tiny:1.0.0", target.toString()), err.toString());
        assertTrue(out.toString().contains("exported tiny:1.0.0"), out.toString());
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left behind");
        }
        try (OrtRun r = new OrtRun(Files.readAllBytes(target))) {
            float[] logits = r.floats(OnnxExporter.INPUT_IMAGES, net.images, SmallRadNet.B, SmallRadNet.SLOTS, 1,
                    SmallRadNet.SIZE, SmallRadNet.SIZE, SmallRadNet.DEPTH)
                    .longs(OnnxExporter.INPUT_MODS, SmallRadNet.MODS, SmallRadNet.B, SmallRadNet.SLOTS)
                    .longs(OnnxExporter.INPUT_MARKS, SmallRadNet.MARKS, SmallRadNet.B, SmallRadNet.SLOTS,
                            SmallRadNet.DEPTH).run().get(0);
            assertTrue(OrtRun.maxAbsDiff(logits, net.logits) < 1e-4);
        }
        System.out.println("checker: " + OnnxChecker.check(target));
    }

    @Test
    void unknownModelAndBadUsageFailClearly() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, run(new ByteArrayOutputStream(), err, "--model", "nope", dir.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("model nope is not installed"), err.toString());
        assertFalse(Files.exists(dir.resolve("x.onnx")));
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertEquals(2, run(new ByteArrayOutputStream(), err2, "tiny.onnx"));
        assertTrue(err2.toString().startsWith("export-onnx: Missing required option: '--model"), err2.toString());
        assertTrue(err2.toString().contains("Usage: export-onnx"), err2.toString());
    }

    @Test
    void optionsTakeBothFormsAndHelpPrintsTheUsage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, run(out, err, "--model=nope", dir.resolve("y.onnx").toString()));
        assertTrue(err.toString().contains("model nope is not installed"), err.toString());
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        assertEquals(0, run(help, new ByteArrayOutputStream(), "--help"));
        assertTrue(help.toString().startsWith("Usage: export-onnx [-h] --model=NAME[:VERSION] OUT.onnx"),
                help.toString());
        ByteArrayOutputStream err3 = new ByteArrayOutputStream();
        assertEquals(2, run(new ByteArrayOutputStream(), err3, "--model", "tiny", "a.onnx", "b.onnx"));
        assertTrue(err3.toString().contains("'b.onnx'"), err3.toString());
        ByteArrayOutputStream err4 = new ByteArrayOutputStream();
        assertEquals(2, run(new ByteArrayOutputStream(), err4, "--model", "bad name", "a.onnx"));
        assertTrue(err4.toString().startsWith("export-onnx: --model: "), err4.toString());
    }
}
