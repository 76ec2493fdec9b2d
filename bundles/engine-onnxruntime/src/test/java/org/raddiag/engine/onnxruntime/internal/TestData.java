package org.raddiag.engine.onnxruntime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.raddiag.api.data.FloatTensor;

/** Test fixtures: the {@code raddiag.testdata} folder and comparisons with its expected values. */
final class TestData {
    private TestData() {
    }

    static Path headMlpSmall() {
        String root = System.getProperty("raddiag.testdata");
        assertNotNull(root, "system property raddiag.testdata is not set");
        Path dir = Path.of(root, "reference", "head_mlp_small");
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("missing fixture folder " + dir);
        }
        return dir;
    }

    /** Largest |expected - actual|; also checks that the shapes agree. */
    static double maxAbsDiff(double[][] expected, FloatTensor actual) {
        assertArrayEquals(new long[] {expected.length, expected[0].length}, actual.shape(), "shape");
        int cols = expected[0].length;
        double m = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < cols; j++) {
                m = Math.max(m, Math.abs(expected[i][j] - actual.data()[i * cols + j]));
            }
        }
        return m;
    }
}
