package org.raddiag.support.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writer encodes reads back through the strict reader, with numpy's 64-byte header alignment. */
class NpyWriterTest {
    @TempDir
    Path tmp;

    @Test
    void float32RoundTripsInBothOrders() throws Exception {
        float[] v = {0, 1, 2, 3, 4, 5};
        for (boolean fortran : new boolean[] {false, true}) {
            byte[] b = NpyWriter.float32(v, new long[] {2, 3}, fortran);
            assertEquals(0, (b.length - 24) % 64, "header padded to a multiple of 64 bytes");
            Path f = Files.write(tmp.resolve("a" + fortran + ".npy"), b);
            NpyArray a = NpyFormat.read(f);
            assertEquals("<f4", a.dtype());
            assertEquals(fortran, a.fortranOrder());
            assertArrayEquals(new long[] {2, 3}, a.shape());
            assertEquals(fortran ? 2 : 1, a.getDouble(0, 1), "element (0, 1)");
        }
    }

    @Test
    void int64KeySliceAndScalarShapes() throws Exception {
        Path f = Files.write(tmp.resolve("k.npy"), NpyWriter.int64(new long[] {24}, new long[] {1}));
        NpyArray a = NpyFormat.read(f);
        assertArrayEquals(new long[] {24}, a.toLongArray());
        assertArrayEquals(new long[] {1}, a.shape());
        assertTrue(new String(Files.readAllBytes(f), 10, 60, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("'shape': (1,)"), "a one-dimensional shape keeps numpy's trailing comma");
    }

    @Test
    void refusesValuesThatDoNotFillTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyWriter.float32(new float[5], new long[] {2, 3}, false));
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
    }
}
