package org.raddiag.itests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Bodies of STOW-RS requests: {@code multipart/related} parts, each with its content type. */
final class StowBody {
    static final String BOUNDARY = "raddiag-itest-boundary";
    /** The request's content type. */
    static final String CONTENT_TYPE = "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY;

    private StowBody() {
    }

    /** {@code parts}, all of content type {@code type}. */
    static byte[] of(String type, byte[][] parts) {
        String[] types = new String[parts.length];
        Arrays.fill(types, type);
        return of(types, parts);
    }

    /** Part i of content type {@code types[i]}. */
    static byte[] of(String[] types, byte[][] parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i++) {
            String head = "--" + BOUNDARY + "\r\nContent-Type: " + types[i] + "\r\n\r\n";
            b.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(parts[i]);
            b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        b.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }
}
