package org.raddiag.reader.numpy.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.testsupport.Mutations;
import org.raddiag.testsupport.NpySamples;
import org.raddiag.testsupport.ReaderFuzzer;

/**
 * Seeded mutations of real numpy-written files (bit flips, truncation, header byte and digit edits, huge header
 * lengths): every outcome must be scans or a ReadException, never another exception, within a time bound.
 */
class NumpyReaderFuzzTest {
    private static final int HEADER = 128;

    @Test
    void mutatedFilesGiveScansOrReadExceptions(@TempDir Path tmp) throws Exception {
        List<String> seeds = List.of("i2_c.npy", "f4_be_fortran.npy", "v3_f4.npy", "u1_2d.npy", "compressed.npz",
                "stored.npz", "ramp_f2.npy");
        new ReaderFuzzer(20240611L, 3000).run(new NumpyReader(), seeds, ReaderFuzzer.contents(seeds, NpySamples::get),
                ReaderFuzzer.writing(name -> name.endsWith(".npz") ? ".npz" : ".npy",
                        Mutations.mixed(0, Mutations.headerOf(HEADER), 3, NumpyReaderFuzzTest::mutate)), tmp);
    }

    static byte[] mutate(byte[] b, Random rnd, int kind) {
        int headerEnd = Math.min(b.length, HEADER);
        switch (kind) {
            case 0: { // header digits replaced (shape and descr sizes)
                for (int i = 10; i < headerEnd; i++) {
                    if (b[i] >= '0' && b[i] <= '9' && rnd.nextInt(3) == 0) {
                        b[i] = (byte) ('0' + rnd.nextInt(10));
                    }
                }
                return b;
            }
            case 1: { // huge header length field
                if (b.length > 12) {
                    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(8, (short) rnd.nextInt(65536));
                }
                return b;
            }
            default: { // extra bytes or inserted big dimensions
                String h = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
                h = h.replaceFirst("\\((\\d+),", "(" + (rnd.nextInt(2) == 0 ? "99999999999" : "0") + ",");
                byte[] out = h.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                return rnd.nextBoolean() ? out : Arrays.copyOf(out, out.length + rnd.nextInt(64));
            }
        }
    }
}
