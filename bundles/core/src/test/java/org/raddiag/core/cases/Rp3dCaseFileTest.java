package org.raddiag.core.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

class Rp3dCaseFileTest {
    private static final String SEGOND = "https://radiopaedia.org//cases/segond-fracture-5?lang=us";
    private static final String HIP = "https://radiopaedia.org//cases/hip-dislocation-inferior-1?lang=us";

    @Test
    void listsCasesInFileOrder() throws Exception {
        List<String> ids = DemoData.caseFile().caseIds();
        assertEquals(3, ids.size());
        assertTrue(ids.get(0).contains("abdominal-aortic-aneurysm"));
        assertEquals(HIP, ids.get(1));
        assertEquals(SEGOND, ids.get(2));
    }

    @Test
    void loadsCompleteCase() throws Exception {
        LoadedCase lc = DemoData.caseFile().load(SEGOND);
        assertTrue(lc.complete(), () -> lc.problems().toString());
        Case c = lc.value();
        assertEquals(List.of("Anterior cruciate ligament tear", "Segond fracture"), c.labels());
        assertEquals(2, c.samples().size());
        assertEquals(Modality.XRAY, c.samples().get(0).modality());
        assertEquals(Modality.MRI, c.samples().get(1).modality());
        List<Scan> mri = c.samples().get(1).scans();
        assertEquals(2, mri.size());
        assertTrue(mri.get(0).source().endsWith("149463.npy"));
        assertTrue(mri.get(1).source().endsWith("149464.npy"));
        assertEquals(Plane.SAGITTAL, mri.get(0).plane());
        assertEquals(Modality.MRI, mri.get(0).modality());
        assertEquals(0, mri.get(0).keySlice().getAsInt());
        assertEquals(3, mri.get(0).volume().depth());
        assertEquals(256, mri.get(0).volume().width());
    }

    @Test
    void missingVolumesAreReportedWithoutLosingTheOthers() throws Exception {
        LoadedCase lc = DemoData.caseFile().load(HIP);
        List<Path> missing = lc.problems().stream().map(ReadException::file).collect(Collectors.toList());
        assertEquals(List.of(DemoData.root().resolve("DemoData/data/127782.npy"),
                DemoData.root().resolve("DemoData/data/127783.npy")), missing);
        for (ReadException e : lc.problems()) {
            assertEquals(Reason.NOT_FOUND, e.reason());
            assertTrue(e.getMessage().contains("DemoData/data/12778"), e.getMessage());
        }
        assertEquals(1, lc.value().samples().size());
        assertEquals(Modality.XRAY, lc.value().samples().get(0).modality());
        assertEquals(List.of("Hip dislocation"), lc.value().labels());
    }

    @Test
    void unknownCaseIsRefused() throws Exception {
        assertThrows(NoSuchElementException.class, () -> DemoData.caseFile().load("nope"));
    }

    @Test
    void resolvesForeignAbsolutePathsUnderTheDataRoot() {
        DataPathResolver r = new DataPathResolver(DemoData.root());
        assertEquals(DemoData.root().resolve("DemoData/data/149462.npy"),
                r.resolve("/home/qiaoyuzheng/MedVisionDemo/DataPath/DemoData/data/149462.npy"));
        assertEquals(DemoData.root().resolve("DemoData/data/123742.npy"),
                r.resolve("/home/qiaoyuzheng/MedVisionDemo/DataPath/DemoData/data/123742.npy"));
        assertEquals(DemoData.root().resolve("DemoData/key/1.npy"), r.resolve("DemoData/key/1.npy"));
    }
}
