package org.raddiag.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.io.ReadException;

class PredictionsTest {
    @Test
    void rowMajorAccessAndRows() {
        Predictions p = Predictions.fromScores(2, 3, new float[] {.1f, .2f, .3f, .4f, .5f, .6f},
                new float[] {0, 1, 0, 1, 0, 1});
        assertArrayEquals(new float[] {.2f, .5f}, p.scores(1));
        assertArrayEquals(new boolean[] {false, true}, p.labels(0));
        Predictions r = p.rows(new int[] {1, 1, 0});
        assertEquals(3, r.cases());
        assertArrayEquals(new float[] {.6f, .6f, .3f}, r.scores(2));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Predictions.fromScores(1, 2, new float[] {.1f, .2f},
                new float[] {0, 2}));
        assertThrows(IllegalArgumentException.class, () -> Predictions.fromScores(1, 2, new float[] {.1f},
                new float[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Predictions.fromScores(1, 1, new float[] {Float.NaN},
                new float[] {0}));
    }

    @Test
    void sigmoidClipsAndIsSymmetric() {
        assertEquals(0.5f, Predictions.sigmoid(0f));
        assertEquals(Predictions.sigmoid(60f), Predictions.sigmoid(1000f));
        assertEquals(Predictions.sigmoid(-60f), Predictions.sigmoid(Float.NEGATIVE_INFINITY));
        assertEquals(1f, Predictions.sigmoid(20f));
    }

    @Test
    void loadRefusesMissingFilesBadShapesAndLabels(@TempDir Path dir) throws Exception {
        Path d = MetricsFixture.dir();
        ReadException e = assertThrows(ReadException.class, () -> Predictions.load(d.resolve("scores.npy"),
                dir.resolve("missing.npy")));
        assertEquals(ReadException.Reason.NOT_FOUND, e.reason());
        Path s = writeF4(dir.resolve("s.npy"), "(2, 3)", new float[] {.1f, .2f, .3f, .4f, .5f, .6f});
        Path transposed = writeF4(dir.resolve("t.npy"), "(3, 2)", new float[] {0, 1, 0, 1, 0, 1});
        Path badLabel = writeF4(dir.resolve("b.npy"), "(2, 3)", new float[] {0, 1, 0, 1, 0.5f, 1});
        Path good = writeF4(dir.resolve("g.npy"), "(2, 3)", new float[] {0, 1, 0, 1, 0, 1});
        assertEquals(ReadException.Reason.CORRUPT, assertThrows(ReadException.class,
                () -> Predictions.load(s, transposed)).reason());
        assertEquals(ReadException.Reason.CORRUPT, assertThrows(ReadException.class,
                () -> Predictions.load(s, badLabel)).reason());
        assertEquals(.6f, Predictions.load(s, good).score(1, 2));
    }

    private static Path writeF4(Path file, String shape, float[] data) throws Exception {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = 64 - (10 + header.length() + 1) % 64;
        header = header + " ".repeat(pad % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                .putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (float f : data) {
            b.putFloat(f);
        }
        return Files.write(file, b.array());
    }
}
