package org.raddiag.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.checkpoint.StreamedTensor;
import org.raddiag.checkpoint.TensorData;

class CheckpointStoreTest {
    private static TrainingPosition pos(long step) {
        return new TrainingPosition(1, 2, step, step, new int[] {2, 0, 1}, 0.5, 0, 123, 42, Map.of("lr", "1e-3"));
    }

    private static List<StreamedTensor> weights(float v) {
        return List.of(StreamedTensor.of("w", TensorData.ofFloats(new float[] {v, v}, 2)));
    }

    @Test
    void roundTripsAndKeepsOnlyTheNewest(@TempDir Path dir) throws Exception {
        CheckpointStore s = new CheckpointStore(dir);
        assertTrue(s.latest().isEmpty());
        s.save(pos(3), weights(1), weights(2), Map.of());
        Path second = s.save(pos(7), weights(3), weights(4), Map.of());
        CheckpointStore.Loaded l = s.latest().orElseThrow();
        assertEquals(second, l.folder());
        assertEquals(7, l.position().globalStep());
        assertArrayEquals(new int[] {2, 0, 1}, l.position().order());
        assertEquals(123, l.position().metricsBytes());
        assertEquals("1e-3", l.position().settings().get("lr"));
        assertArrayEquals(new float[] {3, 3}, l.weights().get("w").floats());
        assertArrayEquals(new float[] {4, 4}, l.optimizer().get("w").floats());
        assertFalse(Files.exists(dir.resolve("ckpt-0000000003")));
    }

    @Test
    void ignoresFoldersLeftByAKillMidWrite(@TempDir Path dir) throws Exception {
        CheckpointStore s = new CheckpointStore(dir);
        Path good = s.save(pos(5), weights(1), weights(2), Map.of());
        // a newer folder without state (killed before the state file), one with a truncated weights file,
        // and a temporary folder
        Files.createDirectories(dir.resolve("ckpt-0000000009"));
        Path truncated = Files.createDirectories(dir.resolve("ckpt-0000000008"));
        for (String f : new String[] {CheckpointStore.MODEL, CheckpointStore.OPTIMIZER, CheckpointStore.STATE}) {
            Files.copy(good.resolve(f), truncated.resolve(f));
        }
        byte[] model = Files.readAllBytes(truncated.resolve(CheckpointStore.MODEL));
        Files.write(truncated.resolve(CheckpointStore.MODEL), java.util.Arrays.copyOf(model, model.length - 3));
        Files.createDirectories(dir.resolve(".tmp-ckpt-0000000010-1"));
        Optional<CheckpointStore.Loaded> l = s.latest();
        assertEquals(good, l.orElseThrow().folder());
        s.cleanTemporaries();
        assertFalse(Files.exists(dir.resolve(".tmp-ckpt-0000000010-1")));
    }

    @Test
    void resavingTheSameStepReplacesIt(@TempDir Path dir) throws Exception {
        CheckpointStore s = new CheckpointStore(dir);
        s.save(pos(5), weights(1), weights(2), Map.of());
        s.save(pos(5), weights(6), weights(2), Map.of());
        assertArrayEquals(new float[] {6, 6}, s.latest().orElseThrow().weights().get("w").floats());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
