package org.raddiag.itests;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A strict reader of a WADO-RS answer: {@code multipart/related; type="application/dicom"} with a boundary (RFC
 * 2046), every part headed {@code Content-Type: application/dicom} and holding a Part 10 file (preamble and
 * {@code DICM}); anything else fails with what was wrong.
 */
final class MultipartDicom {
    private MultipartDicom() {
    }

    static List<byte[]> parts(HttpResponse<byte[]> r) {
        String type = r.headers().firstValue("Content-Type").orElseThrow(() -> new AssertionError("no Content-Type"));
        String lower = type.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("multipart/related") || !lower.replace("\"", "").contains("type=application/dicom")) {
            throw new AssertionError("Content-Type " + type);
        }
        String boundary = null;
        for (String p : type.split(";")) {
            String[] kv = p.trim().split("=", 2);
            if (kv[0].equalsIgnoreCase("boundary") && kv.length == 2) {
                boundary = kv[1].replace("\"", "");
            }
        }
        if (boundary == null || boundary.isEmpty()) {
            throw new AssertionError("no boundary in " + type);
        }
        byte[] body = r.body();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        if (indexOf(body, delimiter, 0) != 0) {
            throw new AssertionError("the body does not start with the boundary");
        }
        List<byte[]> parts = new ArrayList<>();
        int at = delimiter.length;
        while (true) {
            if (body.length >= at + 2 && body[at] == '-' && body[at + 1] == '-') {
                return parts; // close delimiter
            }
            if (body.length < at + 2 || body[at] != '\r' || body[at + 1] != '\n') {
                throw new AssertionError("no CRLF after a boundary at byte " + at);
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (headersEnd < 0) {
                throw new AssertionError("part " + (parts.size() + 1) + " has no end of headers");
            }
            String headers = new String(body, at + 2, headersEnd - at - 2, StandardCharsets.US_ASCII);
            if (!headers.toLowerCase(Locale.ROOT).matches("(?s)(.*\r\n)?content-type: *application/dicom(\r\n.*)?")) {
                throw new AssertionError("part " + (parts.size() + 1) + " headers: " + headers);
            }
            int end = indexOf(body, nextDelimiter, headersEnd + 4);
            if (end < 0) {
                throw new AssertionError("part " + (parts.size() + 1) + " is not closed by a boundary");
            }
            byte[] part = Arrays.copyOfRange(body, headersEnd + 4, end);
            if (part.length < 132 || !new String(part, 128, 4, StandardCharsets.US_ASCII).equals("DICM")) {
                throw new AssertionError("part " + (parts.size() + 1) + " is not a DICOM Part 10 file");
            }
            parts.add(part);
            at = end + nextDelimiter.length;
        }
    }

    private static int indexOf(byte[] a, byte[] b, int from) {
        outer:
        for (int i = from; i <= a.length - b.length; i++) {
            for (int j = 0; j < b.length; j++) {
                if (a[i + j] != b[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
