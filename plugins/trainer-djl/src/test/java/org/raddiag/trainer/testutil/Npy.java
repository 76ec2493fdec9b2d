package org.raddiag.trainer.testutil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Minimal reader of little-endian float32/int64 C-order .npy fixtures. */
public final class Npy {
    /** Shape and values (floats or longs). */
    public record Array(long[] shape, float[] floats, long[] longs) {
    }

    private Npy() {
    }

    public static Path reference(String... parts) {
        String p = System.getProperty("raddiag.testdata");
        Path root = p != null ? Paths.get(p) : Paths.get("../../testdata");
        return root.resolve("reference").resolve(Paths.get("", parts));
    }

    public static Array read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(8);
        int headerLen = b.getShort() & 0xffff;
        byte[] h = new byte[headerLen];
        b.get(h);
        String header = new String(h, StandardCharsets.ISO_8859_1);
        if (header.contains("'fortran_order': True")) {
            throw new IOException("fortran order not supported");
        }
        Matcher m = Pattern.compile("'shape': \\(([^)]*)\\)").matcher(header);
        if (!m.find()) {
            throw new IOException("no shape in " + header);
        }
        String[] dims = m.group(1).split(",");
        long[] shape = java.util.Arrays.stream(dims).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        int n = (int) java.util.Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        if (header.contains("'<f4'")) {
            float[] f = new float[n];
            b.asFloatBuffer().get(f);
            return new Array(shape, f, null);
        }
        if (header.contains("'<i8'")) {
            long[] l = new long[n];
            b.asLongBuffer().get(l);
            return new Array(shape, null, l);
        }
        throw new IOException("unsupported dtype in " + header);
    }
}
