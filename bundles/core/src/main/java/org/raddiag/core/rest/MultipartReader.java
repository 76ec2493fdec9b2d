package org.raddiag.core.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Streams a {@code multipart/form-data} body part by part without buffering parts in memory: {@link #next()} reads
 * the headers of the next part, {@link #copyBody} writes its content. A body that ends before the closing boundary,
 * or part headers beyond the limit, is a 400 {@link ApiError}.
 */
final class MultipartReader {
    private static final int MAX_HEADER_BYTES = 8192;
    private final InputStream in;
    private final byte[] delimiter;
    private final int[] failure;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int len;
    private boolean bodyPending;
    private boolean finished;

    /** One part's form name and file name (null for a plain field). */
    static final class Part {
        final String name;
        final String filename;

        Part(String name, String filename) {
            this.name = name;
            this.filename = filename;
        }
    }

    MultipartReader(InputStream in, String boundary) throws ApiError {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            throw ApiError.badRequest("multipart body without a valid boundary");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.failure = failure(delimiter);
        // the first delimiter has no leading CRLF: pretend it has one
        buf[0] = '\r';
        buf[1] = '\n';
        len = 2;
        bodyPending = true;
    }

    /** The boundary parameter of a multipart content type, or null. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        for (String p : contentType.split(";")) {
            String t = p.trim();
            if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = t.substring(9).trim();
                return b.length() > 1 && b.startsWith("\"") && b.endsWith("\"") ? b.substring(1, b.length() - 1) : b;
            }
        }
        return null;
    }

    /** The next part, or null after the closing boundary. Skips what is left of the current part's body. */
    Part next() throws IOException, ApiError {
        if (bodyPending) {
            copyBody(OutputStream.nullOutputStream(), Long.MAX_VALUE);
        }
        if (finished) {
            return null;
        }
        int a = read();
        int b = read();
        if (a == '-' && b == '-') {
            finished = true;
            return null;
        }
        while (a == ' ' || a == '\t') { // transport padding after the boundary
            a = b;
            b = read();
        }
        if (a != '\r' || b != '\n') {
            throw ApiError.badRequest("malformed multipart boundary line");
        }
        String name = null;
        String filename = null;
        int headerBytes = 0;
        while (true) {
            String line = line();
            headerBytes += line.length() + 2;
            if (headerBytes > MAX_HEADER_BYTES) {
                throw ApiError.badRequest("multipart part headers exceed " + MAX_HEADER_BYTES + " bytes");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-disposition")) {
                name = parameter(line, "name");
                filename = parameter(line, "filename");
            }
        }
        if (name == null) {
            throw ApiError.badRequest("multipart part without a form-data name");
        }
        bodyPending = true;
        return new Part(name, filename);
    }

    /**
     * Writes the current part's content to {@code out}; more than {@code max} bytes is a 413.
     *
     * @return the number of bytes
     */
    long copyBody(OutputStream out, long max) throws IOException, ApiError {
        if (!bodyPending) {
            return 0;
        }
        byte[] o = new byte[16 * 1024];
        int on = 0;
        long n = 0;
        int matched = 0; // the last `matched` bytes seen equal delimiter[0, matched) and are held back
        while (matched < delimiter.length) {
            if (pos == len && !fill()) {
                throw ApiError.badRequest("multipart body ends before its closing boundary (truncated upload?)");
            }
            byte c = buf[pos++];
            while (matched > 0 && delimiter[matched] != c) {
                int keep = failure[matched - 1];
                for (int i = 0; i < matched - keep; i++) { // held-back bytes that turned out to be content
                    if (on == o.length) {
                        out.write(o, 0, on);
                        on = 0;
                    }
                    o[on++] = delimiter[i];
                    n++;
                }
                matched = keep;
            }
            if (delimiter[matched] == c) {
                matched++;
            } else {
                if (on == o.length) {
                    out.write(o, 0, on);
                    on = 0;
                }
                o[on++] = c;
                n++;
            }
            if (n > max) {
                throw ApiError.tooLarge("a part exceeds " + max + " bytes");
            }
        }
        out.write(o, 0, on);
        bodyPending = false;
        return n;
    }

    private static int[] failure(byte[] p) {
        int[] f = new int[p.length];
        int k = 0;
        for (int i = 1; i < p.length; i++) {
            while (k > 0 && p[i] != p[k]) {
                k = f[k - 1];
            }
            if (p[i] == p[k]) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }

    private boolean fill() throws IOException {
        int r = in.read(buf, 0, buf.length);
        if (r <= 0) {
            return false;
        }
        pos = 0;
        len = r;
        return true;
    }

    private int read() throws IOException, ApiError {
        if (pos == len && !fill()) {
            throw ApiError.badRequest("multipart body ends before its closing boundary (truncated upload?)");
        }
        return buf[pos++] & 0xff;
    }

    private String line() throws IOException, ApiError {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = read();
            if (c == '\r') {
                if (read() != '\n') {
                    throw ApiError.badRequest("malformed multipart header line");
                }
                return sb.toString();
            }
            sb.append((char) c);
            if (sb.length() > MAX_HEADER_BYTES) {
                throw ApiError.badRequest("multipart part headers exceed " + MAX_HEADER_BYTES + " bytes");
            }
        }
    }

    /** A parameter of a header value ({@code name="x"} or {@code name=x}), bytes decoded as UTF-8. */
    static String parameter(String header, String key) {
        String lower = header.toLowerCase(Locale.ROOT);
        int i = 0;
        while ((i = lower.indexOf(key + "=", i)) >= 0) {
            boolean boundaryBefore = i == 0 || lower.charAt(i - 1) == ';' || lower.charAt(i - 1) == ' ';
            int v = i + key.length() + 1;
            if (boundaryBefore && v <= header.length()) {
                String value;
                if (v < header.length() && header.charAt(v) == '"') {
                    int end = header.indexOf('"', v + 1);
                    value = end < 0 ? header.substring(v + 1) : header.substring(v + 1, end);
                } else {
                    int end = header.indexOf(';', v);
                    value = (end < 0 ? header.substring(v) : header.substring(v, end)).trim();
                }
                return new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
            i = v;
        }
        return null;
    }
}
