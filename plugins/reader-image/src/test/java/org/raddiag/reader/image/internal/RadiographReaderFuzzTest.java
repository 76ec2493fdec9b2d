package org.raddiag.reader.image.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;

/**
 * Seeded mutations of the dcmtk/ImageMagick-written PNG and JPEG files (bit flips, truncation, header bytes, huge
 * IHDR/SOF dimensions): every outcome must be a scan or a ReadException naming the file, within a time limit.
 */
class RadiographReaderFuzzTest {
    private static final long SEED = 20240613L;
    private static final int ROUNDS = 2000;
    private static final ReadOptions LIMITS = new ReadOptions(1 << 20, null);
    private static final List<String> SEEDS = List.of("ct16.png", "ct8.png", "ct8.jpg", "rgb.png", "rgba.png",
            "palette.png", "rgb.jpg");

    @TempDir
    Path tmp;

    @Test
    void mutatedFilesGiveScansOrReadExceptions() throws Exception {
        byte[][] originals = new byte[SEEDS.size()][];
        for (int i = 0; i < originals.length; i++) {
            originals[i] = Files.readAllBytes(TestImages.get(SEEDS.get(i)));
        }
        RadiographReader reader = new RadiographReader();
        Random rnd = new Random(SEED);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        long start = System.nanoTime();
        int ok = 0;
        int refused = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                int s = rnd.nextInt(originals.length);
                Path p = Files.write(tmp.resolve("fuzz" + round % 8 + SEEDS.get(s).substring(SEEDS.get(s).indexOf('.'))),
                        mutate(originals[s], rnd));
                Future<List<Scan>> f = pool.submit(() -> reader.read(p, LIMITS));
                try {
                    for (Scan scan : f.get(10, TimeUnit.SECONDS)) {
                        assertTrue(scan.volume().voxels().length <= LIMITS.maxVoxels());
                    }
                    ok++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ReadException)) {
                        fail("round " + round + " (" + SEEDS.get(s) + ", seed " + SEED + "): " + e.getCause(), e.getCause());
                    }
                    assertTrue(e.getCause().getMessage().contains(p.getFileName().toString()), e.getMessage());
                    refused++;
                } catch (TimeoutException e) {
                    fail("round " + round + " (" + SEEDS.get(s) + ", seed " + SEED + ") did not finish");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 30, "fuzzing took " + seconds + " s");
        assertTrue(ok > ROUNDS / 10 && refused > ROUNDS / 10, "ok " + ok + ", refused " + refused);
    }

    static byte[] mutate(byte[] src, Random rnd) {
        byte[] b = src.clone();
        switch (rnd.nextInt(5)) {
            case 0:
                for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
            case 1:
                return Arrays.copyOf(b, rnd.nextInt(b.length));
            case 2:
                for (int i = 0, n = 1 + rnd.nextInt(4); i < n; i++) {
                    b[rnd.nextInt(Math.min(b.length, 64))] = (byte) rnd.nextInt(256);
                }
                return b;
            case 3: { // huge dimensions: PNG IHDR width/height, JPEG SOF0 height/width
                ByteBuffer bb = ByteBuffer.wrap(b);
                if (b[1] == 'P') {
                    bb.putInt(16 + 4 * rnd.nextInt(2), rnd.nextBoolean() ? Integer.MAX_VALUE : rnd.nextInt(1 << 20));
                } else {
                    for (int i = 2; i + 9 < b.length; i++) {
                        if ((b[i] & 0xff) == 0xff && ((b[i + 1] & 0xff) == 0xc0 || (b[i + 1] & 0xff) == 0xc2)) {
                            bb.putShort(i + 5 + 2 * rnd.nextInt(2), (short) rnd.nextInt(65536));
                            break;
                        }
                    }
                }
                return b;
            }
            default:
                int at = rnd.nextInt(b.length);
                return rnd.nextBoolean() ? Arrays.copyOfRange(b, 0, at) : Arrays.copyOf(b, b.length + rnd.nextInt(64));
        }
    }
}
