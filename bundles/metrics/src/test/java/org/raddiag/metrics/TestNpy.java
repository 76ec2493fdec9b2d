package org.raddiag.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Minimal test-only {@code .npy} v1.0 reader: C-order little-endian {@code <f4} only. */
final class TestNpy {
    final int[] shape;
    final float[] data;

    private TestNpy(int[] shape, float[] data) {
        this.shape = shape;
        this.data = data;
    }

    static TestNpy readF4(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.get(0) != (byte) 0x93 || b.get(1) != 'N' || b.get(6) != 1) {
            throw new IOException(file + ": not a .npy v1 file");
        }
        int headerLen = b.getShort(8) & 0xffff;
        String header = new String(b.array(), 10, headerLen, StandardCharsets.ISO_8859_1);
        if (!header.contains("'descr': '<f4'") || !header.contains("'fortran_order': False")) {
            throw new IOException(file + ": only C-order <f4 supported: " + header);
        }
        Matcher m = Pattern.compile("'shape': \\(([^)]*)\\)").matcher(header);
        if (!m.find()) {
            throw new IOException(file + ": no shape in " + header);
        }
        String[] parts = m.group(1).split(",");
        int count = 0;
        for (String p : parts) {
            count += p.isBlank() ? 0 : 1;
        }
        int[] shape = new int[count];
        int n = 1;
        for (int i = 0, k = 0; i < parts.length; i++) {
            if (!parts[i].isBlank()) {
                shape[k] = Integer.parseInt(parts[i].trim());
                n *= shape[k++];
            }
        }
        float[] data = new float[n];
        b.position(10 + headerLen);
        b.asFloatBuffer().get(data);
        return new TestNpy(shape, data);
    }
}
