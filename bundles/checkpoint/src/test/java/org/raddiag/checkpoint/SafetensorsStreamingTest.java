package org.raddiag.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SafetensorsFile#forEach} and {@link SafetensorsFile#readTensor}: the same tensors as
 * {@link SafetensorsFile#read}, one at a time.
 */
class SafetensorsStreamingTest {
    @TempDir
    Path dir;

    /** Floats, integers and an alias of the floats, as a checkpoint holds them. */
    private Path writeSample() throws IOException {
        StateDict sd = new StateDict();
        sd.put("a.weight", TensorData.ofFloats(new float[] {1.5f, -2f, 3f, 4f, 5f, 6f}, 2, 3));
        sd.put("a.count", TensorData.ofLongs(new long[] {7}, 1));
        sd.putAlias("b.weight", "a.weight");
        Path f = dir.resolve("w.safetensors");
        SafetensorsFile.write(f, sd, Map.of());
        return f;
    }

    @Test
    void streamsEveryTensorAndAliasWithTheValuesReadGives() throws IOException {
        Path f = writeSample();
        StateDict all = SafetensorsFile.read(f);
        Map<String, TensorData> seen = new LinkedHashMap<>();
        SafetensorsFile.forEach(f, (key, type, shape, data) -> {
            assertTrue(data.isDirect(), key);
            seen.put(key, SafetensorsFile.decode(type, shape, data));
        });
        assertEquals(all.keys(), seen.keySet());
        for (String k : all.keys()) {
            assertTrue(all.get(k).contentEquals(seen.get(k)), k);
        }
        assertArrayEquals(new long[] {2, 3}, seen.get("b.weight").shape());
    }

    @Test
    void aTruncatedFileIsRefusedNamingIt() throws IOException {
        StateDict sd = new StateDict();
        sd.put("w", TensorData.ofFloats(new float[64], 8, 8));
        Path f = dir.resolve("cut.safetensors");
        SafetensorsFile.write(f, sd, Map.of());
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 10));
        IOException e = assertThrows(IOException.class, () -> SafetensorsFile.forEach(f, (k, t, s, d) -> { }));
        assertTrue(e.getMessage().contains("cut.safetensors"), e.getMessage());
    }

    @Test
    void anIndexReadsOneTensorAtATimeByKeyOrAlias() throws IOException {
        Path f = writeSample();
        StateDict all = SafetensorsFile.read(f);
        SafetensorsIndex index = SafetensorsFile.index(f);
        assertEquals(Map.of("b.weight", "a.weight"), index.aliases());
        for (TensorInfo t : index.tensors()) {
            assertTrue(all.get(t.key()).contentEquals(index.read(t.key())), t.key());
        }
        assertTrue(all.get("b.weight").contentEquals(index.read("b.weight")), "an alias reads its tensor");
        IOException e = assertThrows(IOException.class, () -> index.read("c.weight"));
        assertTrue(e.getMessage().contains("w.safetensors") && e.getMessage().contains("no tensor 'c.weight'"),
                e.getMessage());
        Files.write(f, Arrays.copyOf(Files.readAllBytes(f), (int) Files.size(f) + 8));
        e = assertThrows(IOException.class, () -> index.read("a.weight"));
        assertTrue(e.getMessage().contains("changed while it was being read"), e.getMessage());
        Path g = dir.resolve("plain.safetensors");
        SafetensorsFile.write(g, new StateDict().put("c", TensorData.ofFloats(new float[] {1f}, 1)), Map.of());
        assertEquals(Map.of(), SafetensorsFile.index(g).aliases());
    }

    @Test
    void streamedTensorsAreWrittenAsTheyComeAndAShortSourceKeepsTheOldFile(@TempDir Path d) throws IOException {
        Path f = d.resolve("ckpt.safetensors");
        int[] asked = {0};
        List<StreamedTensor> ok = List.of(
                new StreamedTensor("w", DType.F32, new long[] {2}, () -> {
                    asked[0]++;
                    return java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(1f)
                            .putFloat(2f).flip();
                }),
                StreamedTensor.of("n", TensorData.ofLongs(new long[] {9}, 1)));
        SafetensorsFile.write(f, ok, Map.of("step", "3"));
        assertEquals(1, asked[0]);
        StateDict back = SafetensorsFile.read(f);
        assertArrayEquals(new float[] {1f, 2f}, back.get("w").floats());
        assertArrayEquals(new long[] {9}, back.get("n").longs());
        assertEquals("3", back.metadata().get("step"));

        List<StreamedTensor> shortOne = List.of(new StreamedTensor("w", DType.F32, new long[] {4},
                () -> java.nio.ByteBuffer.allocate(8)));
        IOException e = assertThrows(IOException.class, () -> SafetensorsFile.write(f, shortOne, Map.of()));
        assertTrue(e.getMessage().contains("ckpt.safetensors") && e.getMessage().contains("gave 8 bytes"),
                e.getMessage());
        assertArrayEquals(new float[] {1f, 2f}, SafetensorsFile.read(f).get("w").floats(), "the old file stays");
    }
}
