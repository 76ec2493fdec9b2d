package org.raddiag.core.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.io.ReadException.Reason;

class FolderCaseLoaderTest {
    @TempDir
    Path dir;

    private static Path demo(String id) {
        return DemoData.root().resolve("DemoData/data/" + id + ".npy");
    }

    @Test
    void groupsScansBySampleAndModalityAndReportsBadFiles() throws Exception {
        Files.copy(demo("149462"), dir.resolve("a_xray.npy"));
        Files.copy(demo("149463"), dir.resolve("b_mri1.npy"));
        Files.copy(demo("149464"), dir.resolve("c_mri2.npy"));
        Files.write(dir.resolve("d_broken.npy"), new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 5});
        Files.writeString(dir.resolve("case.json"), "{\"id\": \"segond\", \"labels\": [\"Segond fracture\"],"
                + " \"scans\": {\"a_xray.npy\": {\"modality\": \"X-ray\", \"plane\": \"Frontal\"},"
                + " \"b_mri1.npy\": {\"modality\": \"MRI\", \"key\": 2}, \"c_mri2.npy\": {\"modality\": \"MR\"}}}");
        LoadedCase lc = new FolderCaseLoader(DemoData.scanFiles()).load(dir);
        Case c = lc.value();
        assertEquals("segond", c.id());
        assertEquals(List.of("Segond fracture"), c.labels());
        assertEquals(2, c.samples().size());
        assertEquals(Modality.XRAY, c.samples().get(0).modality());
        assertEquals(Plane.FRONTAL, c.samples().get(0).scans().get(0).plane());
        assertEquals(Modality.MRI, c.samples().get(1).modality());
        assertEquals(2, c.samples().get(1).scans().size());
        assertEquals(2, c.samples().get(1).scans().get(0).keySlice().getAsInt());
        assertEquals(1, lc.problems().size());
        assertEquals(dir.resolve("d_broken.npy"), lc.problems().get(0).file());
        assertEquals(Reason.TRUNCATED, lc.problems().get(0).reason());
    }

    @Test
    void worksWithoutCaseFile() throws Exception {
        Files.copy(demo("127781"), dir.resolve("x.npy"));
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        LoadedCase lc = new FolderCaseLoader(DemoData.scanFiles()).load(dir);
        assertEquals(dir.getFileName().toString(), lc.value().id());
        assertEquals(1, lc.value().scans().size());
        assertEquals(Modality.CT, lc.value().samples().get(0).modality());
        assertEquals(Reason.WRONG_FORMAT, lc.problems().get(0).reason());
        assertTrue(lc.problems().get(0).getMessage().contains("notes.txt"));
    }
}
