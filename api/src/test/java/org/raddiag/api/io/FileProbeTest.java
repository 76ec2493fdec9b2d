package org.raddiag.api.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProbeTest {
    private static final byte[] SIGNATURE = "SIG1".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void suffixIsCaseInsensitiveAndNeedsARegularFile() throws Exception {
        Path f = Files.writeString(dir.resolve("scan.NII.GZ"), "x");
        assertTrue(FileProbe.hasSuffix(f, ".nii", ".nii.gz"));
        assertFalse(FileProbe.hasSuffix(f, ".npy"));
        Files.createDirectory(dir.resolve("folder.nii"));
        assertFalse(FileProbe.hasSuffix(dir.resolve("folder.nii"), ".nii"));
        assertFalse(FileProbe.hasSuffix(dir.resolve("missing.nii"), ".nii"));
        assertFalse(FileProbe.hasSuffix(null, ".nii"));
    }

    @Test
    void signatureMustBeTheFirstBytes() throws Exception {
        Path good = Files.write(dir.resolve("a"), "SIG1 and more".getBytes(StandardCharsets.US_ASCII));
        Path shorter = Files.write(dir.resolve("b"), "SIG".getBytes(StandardCharsets.US_ASCII));
        Path later = Files.write(dir.resolve("c"), " SIG1".getBytes(StandardCharsets.US_ASCII));
        assertTrue(FileProbe.startsWith(good, SIGNATURE));
        assertFalse(FileProbe.startsWith(shorter, SIGNATURE));
        assertFalse(FileProbe.startsWith(later, SIGNATURE));
        assertFalse(FileProbe.startsWith(dir, SIGNATURE));
        assertFalse(FileProbe.startsWith(null, SIGNATURE));
    }
}
