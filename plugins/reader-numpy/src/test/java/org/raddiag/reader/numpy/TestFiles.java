package org.raddiag.reader.numpy;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the numpy-written test files under {@code src/test/resources/npy} and the shared test data. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path npy(String name) {
        URL u = TestFiles.class.getResource("/npy/" + name);
        if (u == null) {
            throw new IllegalStateException("test resource npy/" + name + " is missing");
        }
        try {
            return Paths.get(u.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository's testdata folder (surefire property {@code raddiag.testdata}). */
    public static Path testdata() {
        String p = System.getProperty("raddiag.testdata");
        if (p == null) {
            throw new IllegalStateException("system property raddiag.testdata is not set");
        }
        return Paths.get(p);
    }
}
