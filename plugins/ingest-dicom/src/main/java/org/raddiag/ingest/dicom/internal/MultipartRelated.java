package org.raddiag.ingest.dicom.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.raddiag.support.files.LimitedInputStream;

/**
 * A streaming reader of {@code multipart/related} bodies (RFC 2387, as STOW-RS sends them): each part goes to its
 * own file, so no part is held in memory; the body is refused ({@link LimitedInputStream.TooLarge}) once it exceeds
 * a size limit.
 */
final class MultipartRelated {
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    /** A part: its headers (names in lower case) and the file its body was written to. */
    record Part(Map<String, String> headers, Path file) {
        String contentType() {
            String t = headers.get("content-type");
            return t == null ? "" : t.split(";")[0].trim().toLowerCase(Locale.ROOT);
        }
    }

    /** The body is not multipart as announced (the message says where). */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private MultipartRelated() {
    }

    /**
     * The boundary of a {@code multipart/related; type="application/dicom"} content type.
     *
     * @throws IllegalArgumentException naming what is wrong with the content type
     */
    static String boundary(String contentType) {
        if (contentType == null) {
            throw new IllegalArgumentException("no Content-Type");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("multipart/related")) {
            throw new IllegalArgumentException("Content-Type must be multipart/related; type=\"application/dicom\", "
                    + "not " + parts[0].trim());
        }
        String boundary = null;
        String type = null;
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 0) {
                continue;
            }
            String k = parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = parts[i].substring(eq + 1).trim();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            if (k.equals("boundary")) {
                boundary = v;
            } else if (k.equals("type")) {
                type = v;
            }
        }
        if (type == null || !type.equalsIgnoreCase("application/dicom")) {
            throw new IllegalArgumentException("multipart/related needs type=\"application/dicom\" (only Part 10 "
                    + "instances are accepted)" + (type == null ? "" : ", not " + type));
        }
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new IllegalArgumentException("multipart/related without a valid boundary parameter");
        }
        return boundary;
    }

    /** Splits the body into files in {@code dir} (random names); on failure the files written so far are removed. */
    static List<Part> split(InputStream body, String boundary, Path dir, long maxBytes) throws IOException {
        List<Part> parts = new ArrayList<>();
        InputStream in = new BufferedInputStream(new LimitedInputStream(body, maxBytes), 64 * 1024);
        byte[] first = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        try {
            // the preamble ends at the first boundary (which has no CRLF before it when it starts the body)
            if (!scan(in, first, OutputStream.nullOutputStream())) {
                throw new Malformed("no boundary in the body");
            }
            while (true) {
                int a = in.read();
                int b = in.read();
                if (a == '-' && b == '-') {
                    return parts;
                }
                if (a != '\r' || b != '\n') {
                    throw new Malformed("part " + (parts.size() + 1) + ": no line break after the boundary");
                }
                Map<String, String> headers = headers(in, parts.size() + 1);
                Path f = dir.resolve("stow-" + UUID.randomUUID() + ".part");
                parts.add(new Part(headers, f));
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 64 * 1024)) {
                    if (!scan(in, delimiter, out)) {
                        throw new Malformed("part " + parts.size() + " is not closed by a boundary (truncated body?)");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Part p : parts) {
                Files.deleteIfExists(p.file());
            }
            throw e;
        }
    }

    /** Copies {@code in} to {@code out} up to {@code delimiter} (consumed, not copied); false at end of stream. */
    private static boolean scan(InputStream in, byte[] delimiter, OutputStream out) throws IOException {
        int[] fail = new int[delimiter.length];
        for (int i = 1, k = 0; i < delimiter.length; i++) {
            while (k > 0 && delimiter[i] != delimiter[k]) {
                k = fail[k - 1];
            }
            if (delimiter[i] == delimiter[k]) {
                k++;
            }
            fail[i] = k;
        }
        int j = 0;
        int c;
        while ((c = in.read()) != -1) {
            byte b = (byte) c;
            while (j > 0 && b != delimiter[j]) {
                int keep = fail[j - 1];
                out.write(delimiter, 0, j - keep);
                j = keep;
            }
            if (b == delimiter[j]) {
                if (++j == delimiter.length) {
                    return true;
                }
            } else {
                out.write(b);
            }
        }
        return false;
    }

    private static Map<String, String> headers(InputStream in, int part) throws IOException {
        Map<String, String> h = new LinkedHashMap<>();
        StringBuilder line = new StringBuilder();
        int total = 0;
        while (true) {
            int c = in.read();
            if (c == -1) {
                throw new Malformed("part " + part + ": body ends inside its headers");
            }
            if (++total > MAX_HEADER_BYTES) {
                throw new Malformed("part " + part + ": headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (c == '\n') {
                String l = line.toString().stripTrailing();
                line.setLength(0);
                if (l.isEmpty()) {
                    return h;
                }
                int colon = l.indexOf(':');
                if (colon > 0) {
                    h.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
                }
            } else {
                line.append((char) c);
            }
        }
    }
}
