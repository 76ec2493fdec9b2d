package org.raddiag.reader.image.internal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.io.ReadException;
import org.raddiag.testsupport.Mutations;
import org.raddiag.testsupport.ReaderFuzzer;

/**
 * Seeded mutations of the dcmtk/ImageMagick-written PNG and JPEG files (bit flips, truncation, header bytes, huge
 * IHDR/SOF dimensions): every outcome must be a scan or a ReadException naming the file, within a time limit.
 */
class RadiographReaderFuzzTest {
    private static final List<String> SEEDS = List.of("ct16.png", "ct8.png", "ct8.jpg", "rgb.png", "rgba.png",
            "palette.png", "rgb.jpg");

    @Test
    void mutatedFilesGiveScansOrReadExceptions(@TempDir Path tmp) throws Exception {
        new ReaderFuzzer(20240613L, 2000).expecting(0.1, 0.1).run(new RadiographReader(), SEEDS,
                ReaderFuzzer.contents(SEEDS, TestImages::get),
                ReaderFuzzer.writing(name -> name.substring(name.indexOf('.')),
                        Mutations.mixed(0, Mutations.headerOf(64), 2, RadiographReaderFuzzTest::mutate)), tmp);
    }

    static byte[] mutate(byte[] b, Random rnd, int kind) {
        switch (kind) {
            case 0: { // huge dimensions: PNG IHDR width/height, JPEG SOF0 height/width
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
