package org.raddiag.onnx.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test-only reader of C-order little-endian {@code <f4} and {@code <i8} {@code .npy} files (format v1). */
final class Npy {
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    /** Shape and values (floats or longs). */
    record Array(long[] shape, float[] floats, long[] longs) {
    }

    private Npy() {
    }

    static Array read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(8);
        byte[] header = new byte[Short.toUnsignedInt(b.getShort())];
        b.get(header);
        String h = new String(header, StandardCharsets.ISO_8859_1);
        if (!h.contains("'fortran_order': False")) {
            throw new IOException(file + ": not C order");
        }
        Matcher m = SHAPE.matcher(h);
        if (!m.find()) {
            throw new IOException(file + ": no shape");
        }
        long[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        if (h.contains("'<f4'")) {
            float[] f = new float[b.remaining() / 4];
            b.asFloatBuffer().get(f);
            return new Array(shape, f, null);
        }
        if (h.contains("'<i8'")) {
            long[] l = new long[b.remaining() / 8];
            b.asLongBuffer().get(l);
            return new Array(shape, null, l);
        }
        throw new IOException(file + ": unsupported dtype in " + h.trim());
    }

    static Array read(String fixture, String name) throws IOException {
        return read(TestPaths.reference(fixture).resolve(name + ".npy"));
    }
}
