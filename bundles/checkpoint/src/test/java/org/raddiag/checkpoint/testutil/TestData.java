package org.raddiag.checkpoint.testutil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the shared reference fixtures ({@code -Draddiag.testdata}, else {@code ../../testdata}). */
public final class TestData {
    private TestData() {
    }

    public static Path root() {
        String p = System.getProperty("raddiag.testdata");
        Path root = p != null ? Paths.get(p) : Paths.get("../../testdata");
        if (!Files.isDirectory(root.resolve("reference"))) {
            throw new IllegalStateException("reference fixtures not found under " + root.toAbsolutePath());
        }
        return root;
    }

    public static Path reference(String first, String... more) {
        return root().resolve("reference").resolve(Paths.get(first, more));
    }
}
