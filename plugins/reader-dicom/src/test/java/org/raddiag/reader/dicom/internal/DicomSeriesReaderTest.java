package org.raddiag.reader.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Statistics;
import org.raddiag.api.data.Volume;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.api.io.ReadOptions;

/**
 * Series semantics on pydicom's test series. Expected values are pydicom 2.3.1's reading of the same files
 * (position-sorted, rescaled; the CT5N statistics also match dcm2niix, see imaging-io-notes.md).
 */
class DicomSeriesReaderTest {
    private static final ReadOptions DEFAULTS = ReadOptions.defaults();
    private final DicomSeriesReader reader = new DicomSeriesReader();

    @TempDir
    Path tmp;

    @Test
    void sortsSlicesByPositionNotInstanceNumber() throws Exception {
        Path ct5n = DicomTestData.pydicom("dicomdirtests/98892001/CT5N");
        assertTrue(reader.accepts(ct5n));
        List<Scan> scans = reader.read(ct5n, DEFAULTS);
        assertEquals(1, scans.size());
        Scan s = scans.get(0);
        Volume v = s.volume();
        assertEquals(16, v.width());
        assertEquals(16, v.height());
        assertEquals(5, v.depth());
        assertEquals(Modality.CT, s.modality());
        assertEquals(Plane.AXIAL, s.plane());
        // pydicom, slices sorted by IPP . normal (instances 10, 9, 8, 7, 6)
        assertEquals(-33f, v.get(0, 0, 0));
        assertEquals(-307f, v.get(8, 8, 4));
        assertEquals(23f, v.get(5, 3, 2));
        Statistics st = v.statistics();
        assertEquals(-888, st.min(), 0);
        assertEquals(85, st.max(), 0);
        assertEquals(-138.53125, st.mean(), 1e-4);
        assertEquals(2.5, v.spacing()[2], 1e-3);
        assertFalse(s.source().contains("uneven"), s.source());
    }

    @Test
    void reportsUnevenGapsInTheSource() throws Exception {
        Scan s = reader.read(DicomTestData.pydicom("dicomdirtests/77654033/CT2"), DEFAULTS).get(0);
        assertEquals(4, s.volume().depth());
        assertEquals(76f, s.volume().get(0, 0, 0));
        assertEquals(954f, s.volume().get(8, 8, 3));
        assertEquals(1421f, s.volume().get(5, 3, 2));
        assertEquals(557.8466796875, s.volume().statistics().mean(), 1e-3);
        assertTrue(s.source().contains("uneven slice gaps 1.250..202.500 mm"), s.source());
        assertEquals((105.52 + 99.48) / 3, s.volume().spacing()[2], 0.01);
    }

    @Test
    void refusesMixedOrientations() {
        for (String series : List.of("dicomdirtests/98892001/CT2N", "dicomdirtests/98892003/MR700")) {
            Path p = DicomTestData.pydicom(series);
            ReadException e = assertThrows(ReadException.class, () -> reader.read(p, DEFAULTS));
            assertEquals(Reason.UNSUPPORTED, e.reason());
            assertTrue(e.getMessage().contains("orientations"), e.getMessage());
            assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        }
    }

    @Test
    void invertsMonochrome1WithinTheRescaledRange() throws Exception {
        Path cr = DicomTestData.pydicom("dicomdirtests/77654033/CR1/6154");
        Scan s = reader.read(cr, DEFAULTS).get(0);
        assertEquals(Modality.XRAY, s.modality());
        assertEquals(1, s.volume().depth());
        // pydicom: raw [1994, 2802], slope 0.684, intercept 200, 12 bits stored: HU' = (200 + 4095*0.684 + 200) - HU
        double flip = 200 + 4095 * 0.684 + 200;
        assertEquals(flip - 1563.896, s.volume().get(0, 0, 0), 1e-3);
        assertEquals(flip - 1920.26, s.volume().get(8, 8, 0), 1e-3);
        assertEquals(flip - 1926.274391, s.volume().statistics().mean(), 1e-3);
    }

    @Test
    void rescalesOctaveAnkleCtToHu() throws Exception {
        Scan s = reader.read(DicomTestData.octave("CT-MONO2-16-ankle.dcm"), DEFAULTS).get(0);
        Volume v = s.volume();
        assertEquals(512, v.width());
        assertEquals(Modality.CT, s.modality());
        // pydicom 2.3.1: raw [32, 4080], intercept -1024
        assertEquals(-992, v.statistics().min(), 0);
        assertEquals(3056, v.statistics().max(), 0);
        assertEquals(-305.605225, v.statistics().mean(), 1e-3);
        assertEquals(1408f, v.get(256, 256, 0));
    }

    @Test
    void readsCtSmallAndDecimalRescale() throws Exception {
        Volume ct = reader.read(DicomTestData.pydicom("CT_small.dcm"), DEFAULTS).get(0).volume();
        assertEquals(-896, ct.statistics().min(), 0);
        assertEquals(1167, ct.statistics().max(), 0);
        assertEquals(-119.073853, ct.statistics().mean(), 1e-3);
        assertEquals(904f, ct.get(64, 64, 0));
        Volume mr = reader.read(DicomTestData.nibabelNicom("decimal_rescale.dcm"), DEFAULTS).get(0).volume();
        assertEquals(-4096, mr.statistics().max(), 0);
    }

    @Test
    void oneScanPerSeriesInAFolderAndNonDicomFilesIgnored() throws Exception {
        Path folder = tmp.resolve("two");
        for (String s : List.of("dicomdirtests/98892001/CT5N", "dicomdirtests/77654033/CT2")) {
            try (var files = Files.list(DicomTestData.pydicom(s))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    DicomTestData.copy(f, folder);
                }
            }
        }
        Files.writeString(folder.resolve("README.txt"), "not DICOM");
        List<Scan> scans = reader.read(folder, DEFAULTS);
        assertEquals(2, scans.size());
        assertEquals(9, scans.get(0).volume().depth() + scans.get(1).volume().depth());
        assertTrue(scans.get(0).source().contains("series 1 of 2"), scans.get(0).source());
    }

    @Test
    void oneBadFileRefusesTheSeriesNamingTheFile() throws Exception {
        Path folder = tmp.resolve("bad");
        Path last = null;
        try (var files = Files.list(DicomTestData.pydicom("dicomdirtests/98892001/CT5N"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                last = DicomTestData.copy(f, folder);
            }
        }
        byte[] b = Files.readAllBytes(last);
        Files.write(last, java.util.Arrays.copyOf(b, b.length - 100));
        ReadException e = assertThrows(ReadException.class, () -> reader.read(folder, DEFAULTS));
        assertEquals(last, e.file());
        assertEquals(Reason.TRUNCATED, e.reason());
    }

    @Test
    void checksVoxelLimitBeforeDecoding() {
        Path p = DicomTestData.pydicom("dicomdirtests/98892001/CT5N");
        ReadException e = assertThrows(ReadException.class, () -> reader.read(p, new ReadOptions(1000, null)));
        assertEquals(Reason.TOO_LARGE, e.reason());
    }

    @Test
    void refusesPaletteColourAndNonImages() {
        Path palette = DicomTestData.octave("US-PAL-8-10x-echo.dcm");
        Path rtstruct = DicomTestData.pydicom("rtstruct.dcm");
        ReadException pal = assertThrows(ReadException.class, () -> reader.read(palette, DEFAULTS));
        assertEquals(Reason.UNSUPPORTED, pal.reason());
        assertTrue(pal.getMessage().contains("PALETTE"), pal.getMessage());
        ReadException rt = assertThrows(ReadException.class, () -> reader.read(rtstruct, DEFAULTS));
        assertEquals(Reason.UNSUPPORTED, rt.reason());
    }

    @Test
    void unknownModalityNeedsAHint() throws Exception {
        Path ot = DicomTestData.pydicom("image_dfl.dcm");
        assertEquals(Reason.UNSUPPORTED, assertThrows(ReadException.class, () -> reader.read(ot, DEFAULTS)).reason());
        Scan s = reader.read(ot, DEFAULTS.withModalityHint(Modality.XRAY)).get(0);
        assertEquals(Modality.XRAY, s.modality());
    }

    @Test
    void collapsesRgbToGreyByLuma() throws Exception {
        ReadOptions hint = DEFAULTS.withModalityHint(Modality.XRAY);
        Volume raw = reader.read(DicomTestData.pydicom("SC_rgb_rle.dcm"), hint).get(0).volume();
        Volume uncompressed = reader.read(DicomTestData.pydicom("SC_rgb_jpeg_gdcm.dcm"), hint).get(0).volume();
        assertEquals(100, raw.width());
        assertArrayEquals(raw.voxels(), uncompressed.voxels(), 1e-3f);
        // SC_rgb: the top band is pure red (255, 0, 0)
        assertEquals(0.299f * 255, raw.get(50, 2, 0), 1e-3f);
    }

    @Test
    void acceptsOnlyDicom() throws Exception {
        Path txt = Files.writeString(tmp.resolve("a.dcm"), "hello, not DICOM at all, but long enough to look at");
        assertFalse(reader.accepts(txt));
        assertFalse(reader.accepts(tmp.resolve("missing")));
        assertEquals(Reason.WRONG_FORMAT, assertThrows(ReadException.class, () -> reader.read(txt, DEFAULTS)).reason());
        assertEquals(Reason.NOT_FOUND,
                assertThrows(ReadException.class, () -> reader.read(tmp.resolve("missing"), DEFAULTS)).reason());
        assertTrue(reader.accepts(DicomTestData.octave("CT-MONO2-16-ankle.dcm")));
    }
}
