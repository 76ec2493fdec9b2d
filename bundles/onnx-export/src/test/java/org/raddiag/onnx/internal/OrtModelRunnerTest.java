package org.raddiag.onnx.internal;

import org.raddiag.onnx.testing.OrtRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.compute.BackendInfo;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.data.FloatTensor;
import org.raddiag.api.model.LoadedModel;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.model.ModelOutput;
import org.raddiag.onnx.Weights;

/** The ONNX Runtime runner (skipping empty slots and padded slices) against DJL on all slices. */
class OrtModelRunnerTest {
    @TempDir
    Path dir;

    static ComputeBackend cpuEngine() {
        return new ComputeBackend() {
            @Override
            public String name() {
                return "onnxruntime";
            }

            @Override
            public BackendInfo info() {
                return new BackendInfo("ONNX Runtime", "1.29.0", "cpu", 1, 0);
            }

            @Override
            public FloatTensor mlp(FloatTensor x, FloatTensor w1, FloatTensor b1, FloatTensor w2, FloatTensor b2) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 3, 1})
    void predictMatchesDjlWhileSkippingPaddingAndEmptySlots(int chunk) throws Exception {
        SmallRadNet n;
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(21);
            n = new SmallRadNet(m, 32, 9);
        }
        TestPackage pkg = TestPackage.write(dir, "tiny", n.arch, n.weights);
        OrtModelRunner runner = new OrtModelRunner(cpuEngine(), new Exporter(TinyParts.converters()));
        runner.setChunk(chunk); // slices per encoder call: one call, a few, one slice each
        assertEquals("onnxruntime", runner.backend());
        try (LoadedModel model = runner.load(pkg)) {
            assertEquals(Set.of(TinyParts.BACKBONE, "attention1d", "vitfuse", TinyParts.HEAD), model.components());
            ModelInput in = new ModelInput(new FloatTensor(n.images, SmallRadNet.B, SmallRadNet.SLOTS, 1,
                    SmallRadNet.SIZE, SmallRadNet.SIZE, SmallRadNet.DEPTH), SmallRadNet.MODS, SmallRadNet.MARKS,
                    new long[] {-1, -1, -1, -1});
            ModelOutput out = model.predict(in);
            double dl = OrtRun.maxAbsDiff(out.logits(), n.logits);
            double da = OrtRun.maxAbsDiff(out.sliceAttention(), n.attention);
            System.out.println("runner (compacted cases) vs DJL (all slices): max|logit diff| = " + dl
                    + ", max|attention diff| = " + da);
            double mass = 0;
            for (float a : n.attention) {
                mass += a;
            }
            System.out.println("slice attention mass (DJL, all slots) = " + mass);
            assertTrue(mass > 0.01, "the fixture must put attention on slices, else the comparison is vacuous");
            assertTrue(dl < 1e-4, "logits " + dl);
            assertTrue(da < 1e-5, "attention " + da);
            assertEquals(0f, out.sliceAttention()[SmallRadNet.SLOTS * SmallRadNet.DEPTH + SmallRadNet.DEPTH],
                    "empty slot has no attention");
        }
    }

    @Test
    void caseWithoutScansStillRunsAndClosedModelRefuses() throws Exception {
        SmallRadNet n;
        try (NDManager m = NDManager.newBaseManager()) {
            n = new SmallRadNet(m, 32, 3);
        }
        OrtModelRunner runner = new OrtModelRunner(cpuEngine(), new Exporter(TinyParts.converters()));
        LoadedModel model = runner.load(TestPackage.write(dir, "tiny", n.arch, n.weights));
        int px = SmallRadNet.SIZE * SmallRadNet.SIZE;
        ModelInput empty = new ModelInput(new FloatTensor(new float[2 * px * 3], 1, 2, 1, SmallRadNet.SIZE,
                SmallRadNet.SIZE, 3), new long[] {0, 0}, new long[6], new long[] {-1, -1});
        ModelOutput out = model.predict(empty);
        assertEquals(SmallRadNet.CLASSES, out.logits().length);
        assertTrue(Float.isFinite(out.logits()[0]));
        model.close();
        assertThrows(IllegalStateException.class, () -> model.predict(empty));
    }

    @Test
    void weightsThatDoNotFitAreAnIoException() throws Exception {
        SmallRadNet n;
        try (NDManager m = NDManager.newBaseManager()) {
            n = new SmallRadNet(m, 32, 3);
        }
        Weights.Builder b = Weights.builder();
        for (String k : n.weights.keys()) {
            if (!k.startsWith("fc.")) {
                b.put(k, n.weights.floats(k), n.weights.shape(k));
            }
        }
        OrtModelRunner runner = new OrtModelRunner(cpuEngine(), new Exporter(TinyParts.converters()));
        IOException e = assertThrows(IOException.class,
                () -> runner.load(TestPackage.write(dir, "broken", n.arch, b.build())));
        assertTrue(e.getMessage().contains("fc."), e.getMessage());
    }

    @Test
    void sessionSettingsFollowTheEngineDevice() {
        assertEquals(0, SessionSettings.from("gpu(0)", 2).cudaDevice());
        assertEquals(3, SessionSettings.from("gpu(3)", 2).cudaDevice());
        assertEquals(null, SessionSettings.from("cpu", 0).cudaDevice());
        assertEquals(1, SessionSettings.from("cpu", 0).threads());
        assertTrue(SessionSettings.from("cpu", 1).describe().startsWith("CPU"));
    }
}
