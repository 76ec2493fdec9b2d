package org.raddiag.engine.onnxruntime.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.raddiag.api.data.FloatTensor;

/**
 * Test-only reader for the F32 tensors of a {@code .safetensors} file: an 8-byte little-endian header length, a JSON
 * header of {@code "name": {"dtype", "shape", "data_offsets"}} entries, then the little-endian C-order data.
 */
final class Safetensors {
    private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\\{\\s*\"dtype\"\\s*:\\s*\"F32\"\\s*,"
            + "\\s*\"shape\"\\s*:\\s*\\[([^]]*)]\\s*,\\s*\"data_offsets\"\\s*:\\s*\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");

    private Safetensors() {
    }

    static Map<String, FloatTensor> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = Math.toIntExact(b.getLong());
        String header = new String(b.array(), 8, headerLength, StandardCharsets.UTF_8);
        int dataStart = 8 + headerLength;
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(header);
        while (m.find()) {
            long[] shape = Arrays.stream(m.group(2).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
            int begin = Integer.parseInt(m.group(3));
            int end = Integer.parseInt(m.group(4));
            float[] data = new float[(end - begin) / 4];
            b.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(dataStart + begin).limit(dataStart + end)
                    .slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
            tensors.put(m.group(1), new FloatTensor(data, shape));
        }
        return tensors;
    }
}
