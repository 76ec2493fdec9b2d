package org.raddiag.core.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {
    private static final String B = "----b0undary";

    private static byte[] body(byte[] file) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(("--" + B + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\ntiny\r\n--" + B
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"dir/a.npy\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        o.writeBytes(file);
        o.writeBytes(("\r\n--" + B + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return o.toByteArray();
    }

    /** Delivers at most 7 bytes per read, so delimiters straddle buffer refills. */
    private static InputStream trickle(byte[] b) {
        return new ByteArrayInputStream(b) {
            @Override
            public synchronized int read(byte[] buf, int off, int len) {
                return super.read(buf, off, Math.min(len, 7));
            }
        };
    }

    @Test
    void readsFieldsAndFilesWhoseContentLooksLikeTheBoundary() throws Exception {
        byte[] file = ("x\r\n--" + B.substring(0, 6) + "\r\n\r\n-" + "\r\r\n--" + B.substring(0, B.length() - 1) + "X\r\n--").getBytes(StandardCharsets.ISO_8859_1);
        byte[] random = new byte[200_000];
        new Random(1).nextBytes(random);
        for (byte[] content : new byte[][] {file, random, new byte[0]}) {
            MultipartReader r = new MultipartReader(trickle(body(content)), B);
            MultipartReader.Part f = r.next();
            assertEquals("model", f.name);
            assertNull(f.filename);
            ByteArrayOutputStream v = new ByteArrayOutputStream();
            r.copyBody(v, 100);
            assertEquals("tiny", v.toString(StandardCharsets.UTF_8));
            MultipartReader.Part p = r.next();
            assertEquals("dir/a.npy", p.filename);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            assertEquals(content.length, r.copyBody(got, Long.MAX_VALUE));
            assertArrayEquals(content, got.toByteArray());
            assertNull(r.next());
        }
    }

    @Test
    void truncatedBodyIsA400() throws Exception {
        byte[] b = body(new byte[1000]);
        byte[] cut = java.util.Arrays.copyOf(b, b.length - 20);
        MultipartReader r = new MultipartReader(new ByteArrayInputStream(cut), B);
        ApiError e = assertThrows(ApiError.class, () -> {
            while (r.next() != null) {
                r.copyBody(OutputStreamSink.INSTANCE, Long.MAX_VALUE);
            }
        });
        assertEquals(400, e.status);
    }

    @Test
    void partLargerThanTheLimitIsA413AndHugePartHeadersA400() throws Exception {
        MultipartReader r = new MultipartReader(new ByteArrayInputStream(body(new byte[5000])), B);
        r.next();
        r.copyBody(OutputStreamSink.INSTANCE, 100);
        r.next();
        assertEquals(413, assertThrows(ApiError.class, () -> r.copyBody(OutputStreamSink.INSTANCE, 4000)).status);
        String huge = "--" + B + "\r\nContent-Disposition: form-data; name=\"a\"\r\nX: " + "y".repeat(10_000) + "\r\n\r\n";
        MultipartReader h = new MultipartReader(new ByteArrayInputStream(huge.getBytes(StandardCharsets.ISO_8859_1)), B);
        assertEquals(400, assertThrows(ApiError.class, h::next).status);
    }

    @Test
    void boundaryComesFromTheContentType() {
        assertEquals("abc", MultipartReader.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b", MultipartReader.boundary("multipart/form-data; charset=x; boundary=\"a b\""));
        assertNull(MultipartReader.boundary("application/zip"));
        assertEquals("f.npy", MultipartReader.parameter("form-data; name=\"files\"; filename=\"f.npy\"", "filename"));
        assertEquals("files", MultipartReader.parameter("form-data; name=\"files\"; filename=\"f.npy\"", "name"));
    }

    /** Discards output. */
    static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
