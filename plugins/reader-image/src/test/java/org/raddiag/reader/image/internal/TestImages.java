package org.raddiag.reader.image.internal;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The images under {@code src/test/resources/images}. */
final class TestImages {
    private TestImages() {
    }

    static Path get(String name) {
        URL u = TestImages.class.getResource("/images/" + name);
        if (u == null) {
            throw new IllegalStateException("test resource images/" + name + " is missing");
        }
        try {
            return Paths.get(u.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
