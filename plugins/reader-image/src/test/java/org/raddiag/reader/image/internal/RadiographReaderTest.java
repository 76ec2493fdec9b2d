package org.raddiag.reader.image.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.api.io.ReadOptions;

/** Decodes dcmtk/ImageMagick-written PNG and JPEG files and compares them with dcmtk's PGM/PPM of the same render. */
class RadiographReaderTest {
    private final RadiographReader reader = new RadiographReader();

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} = {1} (max mean |diff| {2})")
    @CsvSource({"ct16.png, ct16.pgm, 0", "ct8.png, ct8.pgm, 0", "rgb.png, rgb.ppm, 0", "rgba.png, rgb.ppm, 0",
            "palette.png, rgb.ppm, 0", "ct8.jpg, ct8.pgm, 2", "rgb.jpg, rgb.ppm, 3"})
    void greyValuesMatchDcmtkOracle(String image, String oracle, double tolerance) throws Exception {
        assertTrue(reader.accepts(TestImages.get(image)));
        Scan s = reader.read(TestImages.get(image), ReadOptions.defaults()).get(0);
        Netpbm expected = Netpbm.read(TestImages.get(oracle));
        Volume v = s.volume();
        assertEquals(expected.width(), v.width());
        assertEquals(expected.height(), v.height());
        assertEquals(1, v.depth());
        if (tolerance == 0) {
            assertArrayEquals(expected.grey(), v.voxels(), 1e-3f);
        } else {
            double sum = 0;
            for (int i = 0; i < expected.grey().length; i++) {
                sum += Math.abs(expected.grey()[i] - v.voxels()[i]);
            }
            assertTrue(sum / expected.grey().length <= tolerance, "mean |diff| " + sum / expected.grey().length);
        }
    }

    @Test
    void sixteenBitValuesAreKeptAsStored() throws Exception {
        Volume v = reader.read(TestImages.get("ct16.png"), ReadOptions.defaults()).get(0).volume();
        assertEquals(65535, v.statistics().max(), 0);
        assertEquals(0, v.statistics().min(), 0);
    }

    @Test
    void modalityIsTheHintElseXray() throws Exception {
        Path p = TestImages.get("ct8.png");
        assertEquals(Modality.XRAY, reader.read(p, ReadOptions.defaults()).get(0).modality());
        assertEquals(Modality.CT, reader.read(p, ReadOptions.defaults().withModalityHint(Modality.CT)).get(0)
                .modality());
    }

    @Test
    void checksDimensionsFromTheHeaderBeforeDecoding() throws Exception {
        byte[] png = Files.readAllBytes(TestImages.get("ct8.png"));
        ByteBuffer.wrap(png).putInt(16, 1_000_000).putInt(20, 1_000_000); // IHDR width, height
        Path huge = Files.write(tmp.resolve("huge.png"), png);
        ReadException e = assertThrows(ReadException.class, () -> reader.read(huge, ReadOptions.defaults()));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().startsWith(huge.toString()), e.getMessage());
        ReadException small = assertThrows(ReadException.class,
                () -> reader.read(TestImages.get("ct8.png"), new ReadOptions(100, null)));
        assertEquals(Reason.TOO_LARGE, small.reason());
    }

    @Test
    void refusesOtherFiles() throws Exception {
        Path txt = Files.writeString(tmp.resolve("x.png"), "not an image");
        assertFalse(reader.accepts(txt));
        assertEquals(Reason.WRONG_FORMAT, assertThrows(ReadException.class,
                () -> reader.read(txt, ReadOptions.defaults())).reason());
        assertEquals(Reason.NOT_FOUND, assertThrows(ReadException.class,
                () -> reader.read(tmp.resolve("none.png"), ReadOptions.defaults())).reason());
    }
}
