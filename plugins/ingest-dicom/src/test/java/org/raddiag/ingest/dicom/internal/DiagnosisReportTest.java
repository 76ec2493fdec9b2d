package org.raddiag.ingest.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.ContentItem;
import com.pixelmed.dicom.StructuredReport;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structured report of a diagnosis, read back by PixelMed and checked by two independent tools when installed:
 * dicom3tools' {@code dciodvfy} (no errors) and dcmtk's {@code dsrdump} (reads the content tree).
 */
class DiagnosisReportTest {
    static final String STUDY = "1.2.826.0.1.3680043.9.7433.50";
    static final String SERIES = "1.2.826.0.1.3680043.9.7433.51";
    static final String KEY = "1.2.826.0.1.3680043.9.7433.51.3";

    @TempDir
    Path tmp;

    static JsonObject diagnosis() {
        JsonObject d = new JsonObject();
        d.addProperty("case", "study-abc");
        d.addProperty("model", "tiny");
        d.addProperty("version", "1.0.0");
        d.addProperty("backend", "onnxruntime");
        d.addProperty("packageSha256", "ab".repeat(32));
        JsonArray findings = new JsonArray();
        findings.add(finding("pneumonia", 0.8125, 0.5, true));
        findings.add(finding("a label much longer than sixteen characters", 0.125, 0.3, false));
        d.add("findings", findings);
        JsonArray att = new JsonArray();
        JsonObject a = new JsonObject();
        a.addProperty("scan", 0);
        a.addProperty("mostAttendedSlice", 2);
        JsonObject ref = new JsonObject();
        ref.addProperty("seriesUid", SERIES);
        ref.addProperty("sopClassUid", TestFiles.CT_IMAGE_STORAGE);
        ref.addProperty("sopInstanceUid", KEY);
        a.add("keySliceInstance", ref);
        att.add(a);
        d.add("sliceAttention", att);
        return d;
    }

    static JsonObject finding(String label, double p, double t, boolean positive) {
        JsonObject f = new JsonObject();
        f.addProperty("label", label);
        f.addProperty("probability", p);
        f.addProperty("threshold", t);
        f.addProperty("positive", positive);
        return f;
    }

    static Path write(Path dir) throws Exception {
        Path input = TestFiles.write(dir.resolve("ct.dcm"), TestFiles.CT_IMAGE_STORAGE, STUDY, SERIES, KEY);
        AttributeList header = new AttributeList();
        header.read(input.toString());
        DiagnosisReport r = DiagnosisReport.of(diagnosis(), header, "RADDIAG",
                ZonedDateTime.of(2026, 12, 7, 2, 3, 4, 0, ZoneOffset.UTC));
        return Files.write(dir.resolve("sr.dcm"), r.bytes);
    }

    @Test
    void holdsPatientStudyModelFindingsAndTheKeySliceWithNewUids() throws Exception {
        Path sr = write(tmp);
        AttributeList l = new AttributeList();
        l.read(sr.toString());
        assertEquals(DiagnosisReport.COMPREHENSIVE_SR, Attribute.getSingleStringValueOrNull(l, TagFromName.SOPClassUID));
        assertEquals(STUDY, Attribute.getSingleStringValueOrNull(l, TagFromName.StudyInstanceUID));
        assertEquals("DOE^JANE", Attribute.getSingleStringValueOrNull(l, TagFromName.PatientName));
        assertEquals("SR", Attribute.getSingleStringValueOrNull(l, TagFromName.Modality));
        String series = Attribute.getSingleStringValueOrNull(l, TagFromName.SeriesInstanceUID);
        assertNotEquals(SERIES, series);
        assertTrue(Uids.valid(series) && series.startsWith("2.25."), series);
        String tree = new StructuredReport(l).toString();
        for (String s : new String[] {"Imaging Measurement Report", "Algorithm Name", "tiny", "1.0.0",
            "backend=onnxruntime; packageSha256=" + "ab".repeat(32), "pneumonia", "0.812500", "Positive", "Negative",
            "Decision threshold", KEY, "Device Observer UID"}) {
            assertTrue(tree.contains(s), s + " in\n" + tree);
        }
        assertTrue(l.get(TagFromName.ContentSequence).toString().contains("L"
                + Uids.hash("a label much longer than sixteen characters")), "long labels are coded by their hash");
        assertEquals("pneumonia", DiagnosisReport.labelCode("pneumonia"));
        com.google.gson.JsonObject d = new com.google.gson.JsonObject();
        d.addProperty("model", "tiny");
        d.addProperty("version", "1.0.0");
        d.addProperty("packageSha256", "ab".repeat(32));
        String device = DiagnosisReport.deviceUid(d);
        assertTrue(tree.contains(device), "the device UID of the model package in\n" + tree);
        assertTrue(Uids.valid(device) && device.startsWith("2.25."), device);
        d.addProperty("version", "1.0.1");
        assertNotEquals(device, DiagnosisReport.deviceUid(d), "another package, another device");
        ContentItem root = (ContentItem) new StructuredReport(l).getRoot();
        assertEquals("CONTAINER", root.getValueType());
        assertTrue(l.get(TagFromName.CurrentRequestedProcedureEvidenceSequence).toString().contains(KEY));
    }

    @Test
    void twoReportsOfOneDiagnosisGetDifferentUids() throws Exception {
        Path a = write(Files.createDirectory(tmp.resolve("a")));
        Path b = write(Files.createDirectory(tmp.resolve("b")));
        AttributeList la = new AttributeList();
        la.read(a.toString());
        AttributeList lb = new AttributeList();
        lb.read(b.toString());
        assertNotEquals(Attribute.getSingleStringValueOrNull(la, TagFromName.SOPInstanceUID),
                Attribute.getSingleStringValueOrNull(lb, TagFromName.SOPInstanceUID));
    }

    @Test
    void dciodvfyFindsNoErrors() throws Exception {
        assumeTrue(Tools.available("dciodvfy"), "dciodvfy not installed (apt-get install dicom3tools; "
                + "tools/setup-pacs.sh): skipped");
        Tools.Result r = Tools.run(List.of("dciodvfy", write(tmp).toString()));
        System.out.println("dciodvfy:\n" + r.out());
        assertTrue(!r.out().contains("Error"), r.out());
    }

    @Test
    void dsrdumpReadsTheContentTree() throws Exception {
        assumeTrue(Tools.available("dsrdump"), "dsrdump not installed (apt-get install dcmtk; tools/setup-pacs.sh): "
                + "skipped");
        Tools.Result r = Tools.run(List.of("dsrdump", "-Ee", write(tmp).toString()));
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("Comprehensive SR"), r.out());
        assertTrue(r.out().contains("pneumonia"), r.out());
        assertTrue(r.out().contains("Most attended slice"), r.out());
    }
}
