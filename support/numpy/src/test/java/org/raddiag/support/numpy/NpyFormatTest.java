package org.raddiag.support.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

class NpyFormatTest {
    /** The repository's test data (surefire property; this module cannot use the test-support module, which uses it). */
    private static Path testdata() {
        return Paths.get(System.getProperty("raddiag.testdata", "../../testdata"));
    }

    private static Path sample(String name) {
        return testdata().resolve("npy").resolve(name);
    }

    @TempDir
    Path tmp;

    /** a[y, x, z] = 100y + 10x + z for shape (h, w, d), in C order. */
    static double[] yxz(int h, int w, int d, double offset) {
        double[] v = new double[h * w * d];
        int i = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int z = 0; z < d; z++) {
                    v[i++] = 100 * y + 10 * x + z + offset;
                }
            }
        }
        return v;
    }

    @Test
    void readsCOrderInt16() throws Exception {
        NpyArray a = NpyFormat.read(sample("i2_c.npy"));
        assertEquals("<i2", a.dtype());
        assertFalse(a.fortranOrder());
        assertArrayEquals(new long[] {3, 4, 2}, a.shape());
        assertArrayEquals(yxz(3, 4, 2, 0), a.toDoubleArray());
        assertEquals(231, a.getDouble(2, 3, 1));
    }

    @Test
    void readsBigEndianFortranFloat32() throws Exception {
        NpyArray a = NpyFormat.read(sample("f4_be_fortran.npy"));
        assertEquals(">f4", a.dtype());
        assertTrue(a.fortranOrder());
        assertArrayEquals(yxz(3, 4, 2, 0), a.toDoubleArray());
        float[] f = a.toFloatArray();
        assertEquals(121f, f[(1 * 4 + 2) * 2 + 1]);
        assertEquals(121, a.getDouble(1, 2, 1));
    }

    @Test
    void readsFortranFloat64() throws Exception {
        NpyArray a = NpyFormat.read(sample("f8_fortran.npy"));
        assertArrayEquals(new long[] {5, 3, 4}, a.shape());
        assertArrayEquals(yxz(5, 3, 4, 0.25), a.toDoubleArray());
    }

    @Test
    void readsHeaderVersions2And3() throws Exception {
        for (String f : List.of("v2_f4.npy", "v3_f4.npy")) {
            assertArrayEquals(yxz(3, 4, 2, 0), NpyFormat.read(sample(f)).toDoubleArray(), f);
        }
    }

    @Test
    void readsEveryIntegerAndFloatDtype() throws Exception {
        assertRamp("ramp_i1.npy", "|i1", i -> i - 12);
        assertRamp("ramp_u2_be.npy", ">u2", i -> i * 1000);
        assertRamp("ramp_i4.npy", "<i4", i -> i * -100000);
        assertRamp("ramp_u4.npy", "<u4", i -> (i * 200000000L) & 0xffffffffL); // numpy wraps modulo 2^32
        assertRamp("ramp_i8_be.npy", ">i8", i -> i * -1_000_000_000_000_000L);
        assertRamp("ramp_u8.npy", "<u8", i -> i << 59);
        NpyArray half = NpyFormat.read(sample("ramp_f2.npy"));
        assertEquals("<f2", half.dtype());
        for (int i = 0; i < 24; i++) {
            assertEquals(i * 0.5 - 3, half.toDoubleArray()[i]);
        }
        NpyArray b = NpyFormat.read(sample("bool.npy"));
        assertEquals("|b1", b.dtype());
        for (int i = 0; i < 24; i++) {
            assertEquals(i % 3 == 0 ? 1 : 0, b.toLongArray()[i]);
        }
    }

    private static void assertRamp(String file, String dtype, java.util.function.LongUnaryOperator f)
            throws ReadException {
        NpyArray a = NpyFormat.read(sample(file));
        assertEquals(dtype, a.dtype(), file);
        long[] v = a.toLongArray();
        double[] d = a.toDoubleArray();
        for (int i = 0; i < 24; i++) {
            assertEquals(f.applyAsLong(i), v[i], file + "[" + i + "]");
            double expected = Double.parseDouble(dtype.endsWith("u8") ? Long.toUnsignedString(f.applyAsLong(i))
                    : Long.toString(f.applyAsLong(i)));
            assertEquals(expected, d[i], file + "[" + i + "]");
        }
    }

    @Test
    void readsDemoKeySlice() throws Exception {
        NpyArray k = NpyFormat.read(testdata().resolve("rp3d-demo/DemoData/key/123742.npy"));
        assertArrayEquals(new long[] {1}, k.shape());
        assertEquals("<i8", k.dtype());
        assertArrayEquals(new long[] {24}, k.toLongArray());
        assertArrayEquals(new long[] {24}, NpyFormat.read(sample("key.npy")).toLongArray());
    }

    @Test
    void readsCompressedAndStoredArchives() throws Exception {
        Map<String, NpyArray> c = NpyFormat.readNpz(sample("compressed.npz"));
        assertEquals(List.of("first", "second"), List.copyOf(c.keySet()));
        assertArrayEquals(yxz(3, 4, 2, 0), c.get("first").toDoubleArray());
        assertEquals(">i2", c.get("second").dtype());
        assertArrayEquals(new double[] {0, 10, 100, 110}, c.get("second").toDoubleArray());
        assertEquals("compressed.npz:second", c.get("second").name());
        NpyArray s = NpyFormat.readNpz(sample("stored.npz")).get("only");
        assertTrue(s.fortranOrder());
        assertArrayEquals(yxz(3, 4, 2, 0), s.toDoubleArray());
    }

    @Test
    void refusesObjectStructuredAndStringArrays() {
        assertReason(Reason.UNSUPPORTED, () -> NpyFormat.read(sample("object.npy")), "object");
        assertReason(Reason.UNSUPPORTED, () -> NpyFormat.read(sample("structured.npy")), "structured");
        assertReason(Reason.UNSUPPORTED, () -> NpyFormat.read(sample("string.npy")), "<U2");
    }

    @Test
    void refusesTruncatedTrailingAndOversizedData() throws Exception {
        byte[] good = Files.readAllBytes(sample("i2_c.npy"));
        Path cut = write("cut.npy", Arrays.copyOf(good, good.length - 1));
        assertReason(Reason.TRUNCATED, () -> NpyFormat.read(cut), "needs 48 data bytes, only 47");
        Path cutHeader = write("cuthdr.npy", Arrays.copyOf(good, 40));
        assertReason(Reason.TRUNCATED, () -> NpyFormat.read(cutHeader), "header");
        Path longer = write("long.npy", Arrays.copyOf(good, good.length + 3));
        assertReason(Reason.CORRUPT, () -> NpyFormat.read(longer), "3 unexpected bytes");
        assertReason(Reason.TOO_LARGE, () -> NpyFormat.read(sample("i2_c.npy"), 23), "limit 23");
        Path huge = write("huge.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000, 100000), }"));
        assertReason(Reason.TOO_LARGE, () -> NpyFormat.read(huge), "elements");
        Path overflow = write("overflow.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': "
                + "(999999999999999999, 999999999999999999), }"));
        assertReason(Reason.TOO_LARGE, () -> NpyFormat.read(overflow), "overflows");
    }

    @Test
    void refusesMalformedHeaders() throws Exception {
        for (String h : List.of("{'descr': '<f4', 'shape': (2,), }", "{'descr': '<f4', 'fortran_order': 1, 'shape': (2,), }",
                "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'extra': 1}",
                "{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }",
                "{'descr': '<f4', 'fortran_order': False, 'shape': (2), }",
                "{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
                "{'descr': '|f4', 'fortran_order': False, 'shape': (2,), }")) {
            Path p = write("bad.npy", npy(h));
            ReadException e = assertThrows(ReadException.class, () -> NpyFormat.read(p), h);
            assertEquals(Reason.CORRUPT, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("bad.npy"), e.getMessage());
        }
        Path noMagic = write("plain.npy", "hello world, no numpy here".getBytes());
        assertReason(Reason.WRONG_FORMAT, () -> NpyFormat.read(noMagic), "magic");
        assertReason(Reason.NOT_FOUND, () -> NpyFormat.read(tmp.resolve("absent.npy")), "no such file");
        assertReason(Reason.WRONG_FORMAT, () -> NpyFormat.readNpz(noMagic), "zip");
    }

    /** A v1.0 file with header {@code dict} and no data. */
    static byte[] npy(String dict) {
        byte[] h = (dict + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + h.length];
        byte[] pre = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length, (byte) (h.length >> 8)};
        System.arraycopy(pre, 0, out, 0, 10);
        System.arraycopy(h, 0, out, 10, h.length);
        return out;
    }

    private Path write(String name, byte[] b) throws IOException {
        return Files.write(tmp.resolve(name), b);
    }

    static void assertReason(Reason r, org.junit.jupiter.api.function.Executable x, String fragment) {
        ReadException e = assertThrows(ReadException.class, x);
        assertEquals(r, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
