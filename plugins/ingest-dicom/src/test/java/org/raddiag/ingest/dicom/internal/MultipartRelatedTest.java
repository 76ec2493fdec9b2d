package org.raddiag.ingest.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.support.files.LimitedInputStream;

class MultipartRelatedTest {
    static final String B = "abc123";

    @TempDir
    Path tmp;

    static byte[] body(byte[]... parts) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("preamble\r\n".getBytes(StandardCharsets.US_ASCII));
        for (byte[] p : parts) {
            b.write(("--" + B + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            b.write(p);
            b.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        b.write(("--" + B + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    @Test
    void splitsBinaryPartsExactlyEvenWithNearBoundaries() throws Exception {
        byte[] a = new byte[100_000];
        new Random(1).nextBytes(a);
        byte[] tricky = ("x\r\n--abc12\r\n--abc1\r\r\n-" + "\r\n--ab").getBytes(StandardCharsets.US_ASCII);
        List<MultipartRelated.Part> parts = MultipartRelated.split(new ByteArrayInputStream(body(a, tricky, new byte[0])),
                B, tmp, 1 << 20);
        assertEquals(3, parts.size());
        assertArrayEquals(a, Files.readAllBytes(parts.get(0).file()));
        assertArrayEquals(tricky, Files.readAllBytes(parts.get(1).file()));
        assertEquals(0, Files.size(parts.get(2).file()));
        assertEquals("application/dicom", parts.get(0).contentType());
    }

    @Test
    void refusesWrongContentTypesTruncatedAndOversizeBodies() throws Exception {
        assertEquals(B, MultipartRelated.boundary("multipart/related; type=\"application/dicom\"; boundary=" + B));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MultipartRelated.boundary("application/dicom"))
                .getMessage().contains("multipart/related"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MultipartRelated.boundary(
                "multipart/related; type=\"application/dicom+json\"; boundary=x")).getMessage().contains("type="));
        byte[] whole = body(new byte[1000]);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 20);
        assertThrows(MultipartRelated.Malformed.class, () -> MultipartRelated.split(new ByteArrayInputStream(cut), B,
                tmp, 1 << 20));
        assertThrows(LimitedInputStream.TooLarge.class, () -> MultipartRelated.split(new ByteArrayInputStream(
                body(new byte[5000])), B, tmp, 4000));
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count(), "nothing left behind by refused bodies");
        }
    }
}
