package org.raddiag.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The repository's {@code testdata} folder: system property {@code raddiag.testdata}, else {@code ../../testdata}. */
public final class TestData {
    private TestData() {
    }

    /** The folder; fails with the path tried when it does not exist. */
    public static Path root() {
        String p = System.getProperty("raddiag.testdata");
        Path root = p != null ? Paths.get(p) : Paths.get("../../testdata");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("test data folder not found: " + root.toAbsolutePath()
                    + " (set -Draddiag.testdata, the parent pom's surefire setting does)");
        }
        return root;
    }

    /** A path under {@code testdata/reference}, the golden fixtures of the reference implementation. */
    public static Path reference(String first, String... more) {
        Path dir = root().resolve("reference");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("reference fixtures not found under " + root().toAbsolutePath());
        }
        return dir.resolve(Paths.get(first, more));
    }

    /** A path under {@code testdata}, e.g. {@code rp3d-demo/DemoData/data/149462.npy}. */
    public static Path path(String first, String... more) {
        return root().resolve(Paths.get(first, more));
    }
}
