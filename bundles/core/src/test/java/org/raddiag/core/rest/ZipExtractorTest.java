package org.raddiag.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipExtractorTest {
    @TempDir
    Path tmp;

    private Path zip(String name, int entries, int bytesEach) throws IOException {
        Path z = tmp.resolve("in-" + System.nanoTime() + ".zip");
        try (OutputStream o = Files.newOutputStream(z); ZipOutputStream zo = new ZipOutputStream(o)) {
            for (int i = 0; i < entries; i++) {
                zo.putNextEntry(new ZipEntry(entries == 1 ? name : name + i));
                zo.write(new byte[bytesEach]);
                zo.closeEntry();
            }
        }
        return z;
    }

    private ApiError extract(Path z, UploadLimits limits, Path out) {
        return assertThrows(ApiError.class, () -> new ZipExtractor(limits, 0, 0).extract(z, Files.size(z), out));
    }

    private static UploadLimits limits(int files, long total, double ratio) {
        return new UploadLimits(1L << 30, files, total, ratio);
    }

    @Test
    void extractsNestedEntries() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("ok"));
        ZipExtractor x = new ZipExtractor(limits(10, 1 << 20, 200), 0, 0);
        Path z = zip("series/img", 3, 100);
        x.extract(z, Files.size(z), out);
        assertEquals(3, x.files());
        assertEquals(300, x.bytes());
        assertTrue(Files.isRegularFile(out.resolve("series/img2")));
    }

    @Test
    void zipSlipIsRefusedAndNothingIsWrittenOutside() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("a/b"));
        assertEquals(400, extract(zip("../../evil", 1, 10), limits(10, 1 << 20, 200), out).status);
        assertFalse(Files.exists(tmp.resolve("evil")));
    }

    @Test
    void bombsAndTooManyEntriesAre413() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("c"));
        // 40 MiB of zeros compress ~1000:1: the ratio check stops it
        assertEquals(413, extract(zip("zeros", 1, 40 << 20), limits(10, 1L << 30, 200), out).status);
        Path out2 = Files.createDirectories(tmp.resolve("d"));
        assertEquals(413, extract(zip("big", 1, 3 << 20), limits(10, 1 << 20, 1e9), out2).status);
        Path out3 = Files.createDirectories(tmp.resolve("e"));
        assertEquals(413, extract(zip("f", 11, 1), limits(10, 1 << 20, 200), out3).status);
    }

    @Test
    void notAZipIsA400() throws Exception {
        Path junk = tmp.resolve("junk.zip");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5});
        assertEquals(400, extract(junk, limits(10, 1 << 20, 200), Files.createDirectories(tmp.resolve("f"))).status);
    }
}
