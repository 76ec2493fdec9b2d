package org.raddiag.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;
import org.raddiag.onnx.Weights;

/** The exporter's weights come from the package's file one tensor at a time, with the keys and shapes up front. */
class StateDictWeightsTest {
    @Test
    void floatTensorsAndAliasesAreReadWhenAskedFor(@TempDir Path dir) throws Exception {
        StateDict sd = new StateDict();
        sd.put("bn.weight", TensorData.ofFloats(new float[] {1f, 2f, 3f}, 3));
        sd.put("bn.num_batches_tracked", TensorData.ofLongs(new long[] {5}, 1));
        sd.put("fc.weight", TensorData.ofFloats(new float[] {4f, 5f, 6f, 7f}, 2, 2));
        sd.putAlias("head.weight", "fc.weight");
        Path f = dir.resolve("model.safetensors");
        SafetensorsFile.write(f, sd, Map.of());

        Weights w = StateDictWeights.read(f);
        assertEquals(Set.of("bn.weight", "fc.weight", "head.weight"), w.keys(), "integer counters are skipped");
        assertArrayEquals(new long[] {2, 2}, w.shape("head.weight"));
        assertArrayEquals(new float[] {4f, 5f, 6f, 7f}, w.floats("head.weight", 2, 2));
        assertArrayEquals(new float[] {1f, 2f, 3f}, w.under("bn.").floats("weight"));

        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 4)); // the file changes under a loaded Weights
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> w.floats("fc.weight"));
        assertTrue(e.getMessage().contains("model.safetensors"), e.getMessage());
    }

    @Test
    void aLoaderWhoseCountDoesNotFitTheShapeFailsNamingTheKey() {
        Weights w = Weights.builder().put("x", () -> new float[3], 2, 2).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.floats("x"));
        assertTrue(e.getMessage().contains("'x' of shape [2, 2] needs 4 values, got 3"), e.getMessage());
    }
}
