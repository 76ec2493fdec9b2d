package org.raddiag.backbone.resnet.internal;

import org.raddiag.testsupport.TestData;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test-only reader for C-order little-endian .npy files of dtype {@code <f4}, {@code <i8} or {@code |b1}. */
public final class Npy {
    public final String dtype;
    public final long[] shape;
    private final ByteBuffer data;

    private Npy(String dtype, long[] shape, ByteBuffer data) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    public static Npy read(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b[0] != (byte) 0x93 || b[1] != 'N') {
            throw new IOException(file + ": not an npy file");
        }
        int major = b[6];
        int headerLen = major == 1 ? buf.getShort(8) & 0xffff : buf.getInt(8);
        int start = major == 1 ? 10 : 12;
        String header = new String(b, start, headerLen, StandardCharsets.ISO_8859_1);
        if (!header.contains("'fortran_order': False")) {
            throw new IOException(file + ": only C order is supported");
        }
        Matcher d = Pattern.compile("'descr': '([^']+)'").matcher(header);
        Matcher s = Pattern.compile("'shape': \\(([^)]*)\\)").matcher(header);
        if (!d.find() || !s.find()) {
            throw new IOException(file + ": bad header " + header);
        }
        String[] parts = s.group(1).split(",");
        long[] shape = java.util.Arrays.stream(parts).map(String::trim).filter(p -> !p.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        ByteBuffer data = ByteBuffer.wrap(b, start + headerLen, b.length - start - headerLen).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        return new Npy(d.group(1), shape, data);
    }

    public static Npy read(String fixture, String name) throws IOException {
        return read(TestData.reference(fixture, name));
    }

    public int numel() {
        long n = 1;
        for (long x : shape) {
            n *= x;
        }
        return (int) n;
    }

    public float[] floats() {
        if (!dtype.equals("<f4")) {
            throw new IllegalStateException("dtype " + dtype);
        }
        float[] v = new float[numel()];
        data.asFloatBuffer().get(v);
        return v;
    }

    public long[] longs() {
        long[] v = new long[numel()];
        if (dtype.equals("<i8")) {
            data.asLongBuffer().get(v);
        } else if (dtype.equals("|b1")) {
            for (int i = 0; i < v.length; i++) {
                v[i] = data.get(i);
            }
        } else {
            throw new IllegalStateException("dtype " + dtype);
        }
        return v;
    }
}
