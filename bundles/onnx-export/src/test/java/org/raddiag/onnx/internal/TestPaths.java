package org.raddiag.onnx.internal;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Locations of the shared test data. */
final class TestPaths {
    private TestPaths() {
    }

    static Path testdata() {
        String p = System.getProperty("raddiag.testdata");
        if (p == null) {
            throw new IllegalStateException("system property raddiag.testdata is not set (surefire sets it)");
        }
        return Paths.get(p);
    }

    static Path reference(String fixture) {
        return testdata().resolve("reference").resolve(fixture);
    }
}
