package org.raddiag.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class SafePathsTest {
    private final Path root = Paths.get("/tmp/upload/case");

    @Test
    void relativeNamesStayInsideTheFolder() throws Exception {
        assertEquals(root.resolve("series/1.dcm"), SafePaths.resolve(root, "series/1.dcm"));
        assertEquals(root.resolve("a/b.nii.gz"), SafePaths.resolve(root, "./a//b.nii.gz"));
        assertEquals(root.resolve("w/x.png"), SafePaths.resolve(root, "w\\x.png"));
    }

    @Test
    void escapingOrAbsoluteNamesAreRefused() {
        for (String bad : new String[] {"../x", "a/../../x", "/etc/passwd", "C:\\x", "..\\..\\x", "", ".", "a/\u0001",
                "a/b/c/d/e/f/g/h/i/j"}) {
            assertEquals(400, assertThrows(ApiError.class, () -> SafePaths.resolve(root, bad), bad).status, bad);
        }
    }
}
