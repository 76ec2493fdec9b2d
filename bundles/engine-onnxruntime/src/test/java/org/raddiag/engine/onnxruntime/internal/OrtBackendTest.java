package org.raddiag.engine.onnxruntime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raddiag.api.compute.BackendInfo;
import org.raddiag.api.data.FloatTensor;
import org.raddiag.support.engine.SelfTest;
import org.raddiag.testsupport.TestTensors;

/** The real ONNX Runtime (CPU) against the double-precision reference and the PyTorch fixture. */
class OrtBackendTest {
    private static final double TOLERANCE = 1e-5;
    private static OrtBackend backend;

    @BeforeAll
    static void start() throws Exception {
        backend = OrtEngineStarter.start(1, 1, true); // no CUDA in this build: exercises the CPU fallback
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void infoNamesEngineVersionAndDevice() {
        BackendInfo info = backend.info();
        assertEquals("onnxruntime", backend.name());
        assertEquals("ONNX Runtime", info.engine());
        assertEquals("1.29.0", info.engineVersion());
        assertEquals("cpu", info.device());
        assertEquals(1, info.threads());
        assertTrue(info.initMillis() > 0, "init time " + info.initMillis());
    }

    @Test
    void randomDataMatchesReference() {
        Random r = new Random(42);
        for (int batch : new int[] {1, 3, 17}) {
            TestTensors.Mlp m = TestTensors.mlp(r, batch, 24, 40, 7, 0.3, 0.1);
            double max = TestData.maxAbsDiff(ReferenceMlp.forward(m), m.on(backend));
            System.out.printf("random batch %d: max |ort - reference| = %.3g%n", batch, max);
            assertTrue(max < TOLERANCE, "batch " + batch + ": max |ort - reference| = " + max);
        }
    }

    @Test
    void headFixtureMatchesReferenceAndPyTorch() throws IOException {
        Path dir = TestData.headMlpSmall();
        FloatTensor x = Npy.read(dir.resolve("input.npy"));
        FloatTensor expected = Npy.read(dir.resolve("output_logits.npy"));
        Map<String, FloatTensor> w = Safetensors.read(dir.resolve("weights.safetensors"));
        assertArrayEquals(new long[] {64, 64}, w.get("0.weight").shape());
        assertArrayEquals(new long[] {10, 64}, w.get("2.weight").shape());

        FloatTensor got = backend.mlp(x, w.get("0.weight"), w.get("0.bias"), w.get("2.weight"), w.get("2.bias"));
        double[][] ref = ReferenceMlp.forward(x, w.get("0.weight"), w.get("0.bias"), w.get("2.weight"),
                w.get("2.bias"));
        double vsReference = TestData.maxAbsDiff(ref, got);
        double vsTorch = got.maxAbsDifference(expected);
        double referenceVsTorch = TestData.maxAbsDiff(ref, expected);
        System.out.printf("head_mlp_small: |ort-ref| %.3g, |ort-torch| %.3g, |ref-torch| %.3g%n",
                vsReference, vsTorch, referenceVsTorch);
        assertTrue(vsReference < TOLERANCE, "max |ort - reference| = " + vsReference);
        assertTrue(vsTorch < TOLERANCE, "max |ort - output_logits| = " + vsTorch);
        assertTrue(referenceVsTorch < TOLERANCE, "max |reference - output_logits| = " + referenceVsTorch);
    }

    @Test
    void badShapesAreRefusedWithTheirNames() {
        Random r = new Random(1);
        TestTensors.Mlp m = TestTensors.mlp(r, 2, 8, 5, 3, 1, 1);
        FloatTensor x = m.x(), w1 = m.w1(), b1 = m.b1(), w2 = m.w2(), b2 = m.b2();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backend.mlp(x, TestTensors.gaussian(r, 1, 5, 9), b1, w2, b2));
        assertEquals("shape mismatch: w1 has shape [5, 9], expected (hidden, 8) to match x [2, 8]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> backend.mlp(x, w1, TestTensors.gaussian(r, 1, 4), w2, b2));
        assertEquals("shape mismatch: b1 has shape [4], expected (5) to match w1 [5, 8]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> backend.mlp(x, w1, b1, TestTensors.gaussian(r, 1, 3, 6), b2));
        assertEquals("shape mismatch: w2 has shape [3, 6], expected (out, 5) to match w1 [5, 8]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> backend.mlp(x, w1, b1, w2, TestTensors.gaussian(r, 1, 2)));
        assertEquals("shape mismatch: b2 has shape [2], expected (3) to match w2 [3, 5]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> backend.mlp(TestTensors.gaussian(r, 1, 16), w1, b1, w2, b2));
        assertEquals("x must have rank 2, got shape [16]", e.getMessage());
    }

    @Test
    void sessionsAreCachedPerWeightsAndRebuiltWhenWeightsChangeInPlace() throws Exception {
        Random r = new Random(7);
        TestTensors.Mlp m = TestTensors.mlp(r, 2, 6, 4, 2, 0.5, 0.1);
        try (OrtBackend own = OrtEngineStarter.start(1, 1, false)) {
            int afterSelfTest = own.cachedSessions();
            m.on(own);
            own.mlp(TestTensors.gaussian(r, 1, 5, 6), m.w1(), m.b1(), m.w2(), m.b2());
            assertEquals(afterSelfTest + 1, own.cachedSessions(), "same weights, other batch: one session");

            m.w1().data()[0] += 1f; // changed in place: must not give stale results
            assertTrue(TestData.maxAbsDiff(ReferenceMlp.forward(m), m.on(own)) < TOLERANCE);

            own.close();
            assertThrows(IllegalStateException.class, () -> m.on(own));
        }
    }

    @Test
    void emptyBatchGivesEmptyResult() {
        Random r = new Random(3);
        FloatTensor got = backend.mlp(new FloatTensor(new float[0], 0, 4), TestTensors.gaussian(r, 1, 3, 4),
                TestTensors.gaussian(r, 1, 3), TestTensors.gaussian(r, 1, 2, 3), TestTensors.gaussian(r, 1, 2));
        assertArrayEquals(new long[] {0, 2}, got.shape());
    }

    @Test
    void selfTestPassesOnTheEngine() {
        SelfTest.run(backend);
    }
}
