package org.raddiag.reader.numpy.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.reader.numpy.TestFiles;

/**
 * Seeded mutations of real numpy-written files (bit flips, truncation, header byte and digit edits, huge header
 * lengths): every outcome must be scans or a ReadException, never another exception, within a time bound.
 */
class NumpyReaderFuzzTest {
    private static final long SEED = 20240611L;
    private static final int ROUNDS = 3000;
    private static final ReadOptions LIMITS = new ReadOptions(1 << 20, null);

    @TempDir
    Path tmp;

    @Test
    void mutatedFilesGiveScansOrReadExceptions() throws Exception {
        List<String> seeds = List.of("i2_c.npy", "f4_be_fortran.npy", "v3_f4.npy", "u1_2d.npy", "compressed.npz",
                "stored.npz", "ramp_f2.npy");
        byte[][] originals = new byte[seeds.size()][];
        for (int i = 0; i < originals.length; i++) {
            originals[i] = Files.readAllBytes(TestFiles.npy(seeds.get(i)));
        }
        NumpyReader reader = new NumpyReader();
        Random rnd = new Random(SEED);
        long start = System.nanoTime();
        int ok = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int s = rnd.nextInt(originals.length);
            byte[] m = mutate(originals[s], rnd);
            Path p = tmp.resolve("fuzz" + round % 8 + (seeds.get(s).endsWith(".npz") ? ".npz" : ".npy"));
            Files.write(p, m);
            try {
                for (Scan scan : reader.read(p, LIMITS)) {
                    assertTrue(scan.volume().voxels().length <= LIMITS.maxVoxels());
                }
                ok++;
            } catch (ReadException e) {
                assertTrue(e.getMessage().contains(p.getFileName().toString()), e.getMessage());
                refused++;
            } catch (Throwable t) {
                fail("round " + round + " (seed file " + seeds.get(s) + ", seed " + SEED + "): " + t, t);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 30, "fuzzing took " + seconds + " s");
        assertTrue(ok > 0 && refused > ROUNDS / 4, "ok " + ok + ", refused " + refused);
    }

    static byte[] mutate(byte[] src, Random rnd) {
        byte[] b = src.clone();
        int headerEnd = Math.min(b.length, 128);
        switch (rnd.nextInt(6)) {
            case 0: // bit flips anywhere
                for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) {
                    int at = rnd.nextInt(b.length);
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
            case 1: // truncation
                return Arrays.copyOf(b, rnd.nextInt(b.length));
            case 2: // random header bytes
                for (int i = 0, n = 1 + rnd.nextInt(4); i < n; i++) {
                    b[rnd.nextInt(headerEnd)] = (byte) rnd.nextInt(256);
                }
                return b;
            case 3: { // header digits replaced (shape and descr sizes)
                for (int i = 10; i < headerEnd; i++) {
                    if (b[i] >= '0' && b[i] <= '9' && rnd.nextInt(3) == 0) {
                        b[i] = (byte) ('0' + rnd.nextInt(10));
                    }
                }
                return b;
            }
            case 4: { // huge header length field
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
