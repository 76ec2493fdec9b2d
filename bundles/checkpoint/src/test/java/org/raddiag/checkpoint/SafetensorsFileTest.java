package org.raddiag.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.testsupport.TestData;

class SafetensorsFileTest {
    @TempDir
    Path tmp;

    @Test
    void readsFixtureWithAliasesAndMetadata() throws IOException {
        StateDict sd = SafetensorsFile.read(TestData.reference("vitfuse_small", "weights.safetensors"));
        assertEquals(64, sd.size());
        assertEquals(12, sd.aliases().size());
        assertEquals("pt", sd.metadata().get("format"));
        assertTrue(!sd.metadata().containsKey("aliases"));
        sd.require("mod_embed", 16, 64);
        for (Map.Entry<String, String> a : sd.aliases().entrySet()) {
            assertSame(sd.get(a.getValue()), sd.get(a.getKey()));
        }
    }

    @Test
    void roundTripKeepsValuesAliasesAndIsAtomic() throws IOException {
        StateDict sd = new StateDict();
        sd.put("w", TensorData.ofFloats(new float[] {1.5f, -2f, Float.NaN, 0f, 3f, 4f}, 2, 3));
        sd.put("n", TensorData.ofLongs(new long[] {Long.MIN_VALUE}));
        sd.putAlias("w2", "w");
        Path file = tmp.resolve("x.safetensors");
        SafetensorsFile.write(file, sd, Map.of("module", "test"));
        long headerLen = ByteBuffer.wrap(Files.readAllBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLen % 8);
        StateDict back = SafetensorsFile.read(file);
        assertTrue(back.get("w").contentEquals(sd.get("w")));
        assertArrayEquals(new long[] {Long.MIN_VALUE}, back.get("n").longs());
        assertEquals(0, back.get("n").rank());
        assertEquals("w", back.aliasOf("w2"));
        assertEquals("test", back.metadata().get("module"));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "temporary file left behind");
        }
    }

    @Test
    void readInfoListsStoredTensorsWithoutDataAndValidatesLayout() throws IOException {
        Path fixture = TestData.reference("vitfuse_small", "weights.safetensors");
        java.util.List<TensorInfo> info = SafetensorsFile.readInfo(fixture);
        StateDict sd = SafetensorsFile.read(fixture);
        assertEquals(sd.size() - sd.aliases().size(), info.size());
        for (TensorInfo t : info) {
            assertArrayEquals(sd.get(t.key()).shape(), t.shape(), t.key());
        }
        byte[] b = Files.readAllBytes(fixture);
        Path cut = tmp.resolve("cut.safetensors");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length - 4));
        CheckpointException e = assertThrows(CheckpointException.class, () -> SafetensorsFile.readInfo(cut));
        assertTrue(e.getMessage().contains("data section"), e.getMessage());
    }

    @Test
    void decodesHalfAndBfloat16() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) 0x3c00).putShort((short) 0xc000); // F16 1.0, -2.0
        data.putShort((short) 0x3fc0).putShort((short) 0x0001); // BF16 1.5, F16-less tiny bf16
        Path file = write("{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[4,8]}}", data.array());
        StateDict sd = SafetensorsFile.read(file);
        assertArrayEquals(new float[] {1f, -2f}, sd.get("h").floats());
        assertEquals(1.5f, sd.get("b").floats()[0]);
        assertEquals(Float.intBitsToFloat(0x10000), sd.get("b").floats()[1]);
        assertEquals(DType.BF16, sd.get("b").sourceType());
    }

    @Test
    void rejectsGapsOverlapsWrongSizesAndTrailingBytes() throws IOException {
        assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8], "gap");
        assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", new byte[4], "needs 8");
        assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[8], "data section");
        assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4], "overlap");
        assertRejected("{\"a\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4], "Q7");
        assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", new byte[4], "shape");
        assertRejected("{\"__metadata__\":{\"aliases\":\"{\\\"x\\\":\\\"nope\\\"}\"},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4], "nope");
    }

    @Test
    void rejectsBadHeaderLength() throws IOException {
        Path file = tmp.resolve("bad.safetensors");
        Files.write(file, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array());
        CheckpointException e = assertThrows(CheckpointException.class, () -> SafetensorsFile.read(file));
        assertTrue(e.getMessage().contains("header length"), e.getMessage());
    }

    private void assertRejected(String header, byte[] data, String expected) throws IOException {
        Path file = write(header, data);
        CheckpointException e = assertThrows(CheckpointException.class, () -> SafetensorsFile.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private Path write(String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        Path file = Files.createTempFile(tmp, "t", ".safetensors");
        Files.write(file, b.array());
        return file;
    }
}
