package org.raddiag.reader.image.internal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.testsupport.Mutations;
import org.raddiag.testsupport.ReaderFuzzer;

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
        new ReaderFuzzer(SEED, ROUNDS, LIMITS).expecting(0.1, 0.1).run(new RadiographReader(), SEEDS,
                ReaderFuzzer.contents(SEEDS, TestImages::get),
                ReaderFuzzer.writing(name -> name.substring(name.indexOf('.')), RadiographReaderFuzzTest::mutate), tmp);
    }

    static byte[] mutate(byte[] src, Random rnd) {
        byte[] b = src.clone();
        switch (rnd.nextInt(5)) {
            case 0:
                return Mutations.flipBits(b, rnd);
            case 1:
                return Mutations.truncate(b, rnd);
            case 2:
                return Mutations.randomBytes(b, rnd, 0, Math.min(b.length, 64), 4);
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
