package org.raddiag.reader.dicom.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.Modality;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.testsupport.Mutations;
import org.raddiag.testsupport.ReaderFuzzer;

/**
 * Seeded mutations of real DICOM files in several transfer syntaxes (bit flips, truncation, random header bytes,
 * huge Rows/Columns/NumberOfFrames, huge element lengths): every outcome must be scans or a ReadException naming the
 * file, never another exception, an OutOfMemoryError or a hang (each read has a time limit).
 */
class DicomReaderFuzzTest {
    private static final ReadOptions LIMITS = new ReadOptions(1 << 20, Modality.XRAY);
    private static final List<String> SEEDS = List.of("CT_small.dcm", "MR_small_RLE.dcm", "MR_small_jp2klossless.dcm",
            "image_dfl.dcm", "MR_small_bigendian.dcm", "SC_rgb_jpeg_dcmtk.dcm", "MR_small_implicit.dcm",
            "dicomdirtests/77654033/CR1/6154", "SC_rgb_jpeg_gdcm.dcm");

    @Test
    void mutatedFilesGiveScansOrReadExceptions(@TempDir Path tmp) throws Exception {
        // generic header mutations after the preamble and DICM
        new ReaderFuzzer(20240612L, 2000).limits(LIMITS).expecting(0.1, 0.1).run(new DicomSeriesReader(), SEEDS,
                ReaderFuzzer.contents(SEEDS, DicomTestData::pydicom),
                ReaderFuzzer.writing(".dcm", Mutations.mixed(132, Mutations.headerOf(1024), 3,
                        DicomReaderFuzzTest::mutate)), tmp);
    }

    static byte[] mutate(byte[] b, Random rnd, int kind) {
        switch (kind) {
            case 0: // huge or zero image dimensions: (0028,0010) Rows, (0028,0011) Columns, (0028,0008) frames
                editValue(b, 0x0028, 0x0010 + rnd.nextInt(2), rnd);
                if (rnd.nextBoolean()) {
                    editValue(b, 0x0028, 0x0008, rnd);
                }
                return b;
            case 1: // huge element length, e.g. of (7FE0,0010) Pixel Data
                editLength(b, rnd.nextBoolean() ? 0x7fe0 : 0x0008, rnd.nextBoolean() ? 0x0010 : 0x0060, rnd);
                return b;
            default: // bytes appended or removed in the middle
                int at = 132 + rnd.nextInt(b.length - 132);
                byte[] out = new byte[b.length + 16];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at, out, at + 16, b.length - at);
                return rnd.nextBoolean() ? out : Arrays.copyOfRange(b, 0, at);
        }
    }

    /** Overwrites the first bytes of the element's value (US binary, or IS text such as NumberOfFrames). */
    private static void editValue(byte[] b, int group, int element, Random rnd) {
        int at = find(b, group, element);
        if (at < 0 || at + 10 > b.length) {
            return;
        }
        int value = at + (Character.isUpperCase(b[at + 4]) ? 8 : 8);
        if (group == 0x0028 && element == 0x0008) {
            byte[] digits = String.valueOf(rnd.nextBoolean() ? 99999999 : 0).getBytes();
            System.arraycopy(digits, 0, b, value, Math.min(digits.length, b.length - value));
        } else {
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(value, (short) (rnd.nextBoolean() ? 0xffff : 0));
        }
    }

    private static void editLength(byte[] b, int group, int element, Random rnd) {
        int at = find(b, group, element);
        if (at < 0 || at + 12 > b.length) {
            return;
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int huge = rnd.nextBoolean() ? 0x7ffffff0 : rnd.nextInt(1 << 28);
        if (b[at + 4] == 'O' || b[at + 4] == 'U' && b[at + 5] == 'N') {
            bb.putInt(at + 8, huge);
        } else if (Character.isUpperCase(b[at + 4])) {
            bb.putShort(at + 6, (short) rnd.nextInt(65536));
        } else {
            bb.putInt(at + 4, huge);
        }
    }

    private static int find(byte[] b, int group, int element) {
        for (int i = 132; i + 4 <= b.length; i++) {
            if ((b[i] & 0xff) == (group & 0xff) && (b[i + 1] & 0xff) == group >> 8 && (b[i + 2] & 0xff) == (element & 0xff)
                    && (b[i + 3] & 0xff) == element >> 8) {
                return i;
            }
        }
        return -1;
    }
}
