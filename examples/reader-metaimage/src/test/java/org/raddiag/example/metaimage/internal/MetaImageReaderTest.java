package org.raddiag.example.metaimage.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Volume;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.testsupport.ReaderFuzzer;

/** What every reader plugin's test shows: values and geometry read right, each kind of bad file named and refused. */
class MetaImageReaderTest {
    @TempDir
    Path tmp;

    /** A MetaImage as ITK writes it: the header, then the raw voxels (x fastest). */
    static byte[] mha(String extraHeader, String type, boolean msb, int w, int h, int d, double... values) {
        String header = "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = "
                + (msb ? "True" : "False") + "\nCompressedData = False\nElementSpacing = 0.5 0.5 2\nDimSize = " + w + " "
                + h + " " + d + "\n" + extraHeader + "ElementType = " + type + "\nElementDataFile = LOCAL\n";
        int bytes = switch (type) {
            case "MET_UCHAR" -> 1;
            case "MET_SHORT", "MET_USHORT" -> 2;
            case "MET_DOUBLE" -> 8;
            default -> 4;
        };
        ByteBuffer b = ByteBuffer.allocate(header.length() + values.length * bytes)
                .order(msb ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double v : values) {
            switch (bytes) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                case 8 -> b.putDouble(v);
                default -> b.putFloat((float) v);
            }
        }
        return b.array();
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(tmp.resolve(name), content);
    }

    @Test
    void readsShortVolumeWithSpacingInVolumeOrder() throws Exception {
        double[] v = {-1000, -500, 0, 40, 100, 200, 300, 400, 500, 600, 700, 3071};
        Path f = write("ct.mha", mha("", "MET_SHORT", true, 3, 2, 2, v));
        Volume vol = new MetaImageReader().read(f, ReadOptions.defaults()).get(0).volume();
        assertEquals(List.of(3, 2, 2), List.of(vol.width(), vol.height(), vol.depth()));
        float[] expected = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            expected[i] = (float) v[i];
        }
        assertArrayEquals(expected, vol.voxels(), "x fastest, then y, then z, big-endian");
        assertArrayEquals(new double[] {0.5, 0.5, 2}, vol.spacing());
    }

    @Test
    void modalityComesFromTheHint() throws Exception {
        Path f = write("mr.mha", mha("", "MET_FLOAT", false, 2, 2, 1, 1, 2, 3, 4));
        assertEquals(Modality.MRI, new MetaImageReader().read(f, ReadOptions.defaults().withModalityHint(Modality.MRI))
                .get(0).modality());
        assertTrue(new MetaImageReader().accepts(f));
    }

    @Test
    void badFilesAreNamedAndRefused() throws Exception {
        MetaImageReader r = new MetaImageReader();
        byte[] good = mha("", "MET_UCHAR", false, 4, 4, 2, new double[32]);
        assertReason(r, "truncated.mha", Arrays.copyOf(good, good.length - 5), Reason.TRUNCATED, "data bytes");
        assertReason(r, "rgb.mha", mha("ElementNumberOfChannels = 3\n", "MET_UCHAR", false, 2, 2, 1, new double[12]),
                Reason.UNSUPPORTED, "ElementNumberOfChannels");
        assertReason(r, "type.mha", mha("", "MET_LONG_LONG", false, 2, 2, 1, new double[4]), Reason.UNSUPPORTED,
                "ElementType");
        assertReason(r, "huge.mha", mha("", "MET_UCHAR", false, 100000, 100000, 100, new double[0]), Reason.TOO_LARGE,
                "exceed");
        assertReason(r, "external.mha", "ObjectType = Image\nNDims = 3\nElementDataFile = brain.raw\n"
                .getBytes(StandardCharsets.ISO_8859_1), Reason.UNSUPPORTED, "separate file");
        assertReason(r, "text.mha", "hello\nworld\n".getBytes(StandardCharsets.ISO_8859_1), Reason.WRONG_FORMAT,
                "Key = Value");
        ReadException e = assertThrows(ReadException.class, () -> r.read(tmp.resolve("absent.mha"), ReadOptions.defaults()));
        assertEquals(Reason.NOT_FOUND, e.reason());
    }

    private void assertReason(MetaImageReader r, String name, byte[] content, Reason reason, String text) throws Exception {
        Path f = write(name, content);
        ReadException e = assertThrows(ReadException.class, () -> r.read(f, ReadOptions.defaults()), name);
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void mutatedFilesGiveScansOrReadExceptions() throws Exception {
        List<String> seeds = List.of("short.mha", "float.mha");
        List<byte[]> originals = List.of(mha("", "MET_SHORT", false, 8, 8, 4, new double[256]),
                mha("", "MET_FLOAT", true, 4, 4, 4, new double[64]));
        new ReaderFuzzer(20261206L, 2000).limits(new ReadOptions(1 << 16, null)).expecting(0.05, 0.2)
                .run(new MetaImageReader(), seeds, originals, ReaderFuzzer.writing(".mha", MetaImageReaderTest::mutate), tmp);
    }

    private static byte[] mutate(byte[] src, Random rnd) {
        byte[] b = src.clone();
        switch (rnd.nextInt(4)) {
            case 0 -> b[rnd.nextInt(Math.min(b.length, 200))] = (byte) rnd.nextInt(256);
            case 1 -> {
                return Arrays.copyOf(b, rnd.nextInt(b.length));
            }
            case 2 -> {
                String s = new String(b, StandardCharsets.ISO_8859_1).replaceFirst("DimSize = \\d+",
                        "DimSize = " + (rnd.nextBoolean() ? "99999999999" : "-" + rnd.nextInt(9)));
                return s.getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> {
                for (int i = 0; i < 1 + rnd.nextInt(8); i++) {
                    int at = rnd.nextInt(b.length);
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
        }
        return b;
    }
}
