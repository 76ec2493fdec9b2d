package org.raddiag.engine.onnxruntime.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.raddiag.api.data.FloatTensor;

/** Test-only reader for C-order little-endian float32 ({@code <f4}) {@code .npy} files, format v1 and v2. */
final class Npy {
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    static FloatTensor read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        b.get(magic);
        if (!Arrays.equals(magic, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'})) {
            throw new IOException(file + ": not an .npy file");
        }
        int major = b.get();
        b.get(); // minor
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        byte[] header = new byte[headerLength];
        b.get(header);
        String h = new String(header, StandardCharsets.ISO_8859_1);
        if (!h.contains("'descr': '<f4'") || !h.contains("'fortran_order': False")) {
            throw new IOException(file + ": only C-order <f4 is supported, header " + h.trim());
        }
        Matcher m = SHAPE.matcher(h);
        if (!m.find()) {
            throw new IOException(file + ": no shape in header " + h.trim());
        }
        long[] shape = Arrays.stream(m.group(1).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        float[] data = new float[b.remaining() / 4];
        b.asFloatBuffer().get(data);
        return new FloatTensor(data, shape);
    }
}
