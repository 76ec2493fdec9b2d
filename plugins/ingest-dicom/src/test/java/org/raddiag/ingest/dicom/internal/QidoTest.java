package org.raddiag.ingest.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QIDO-RS matching and its DICOM JSON over a real store of PixelMed-written files and a report. */
class QidoTest {
    private static final String ROOT = "1.2.826.0.1.3680043.9.7433.50.";
    private static final String BASE = "http://127.0.0.1:1/dicomweb";

    @TempDir
    Path tmp;
    private InstanceStore store;
    private Path report;
    private Qido qido;

    @BeforeEach
    void fill() throws Exception {
        store = new InstanceStore(tmp.resolve("store"));
        store.open();
        put("1", "11", "111", "CT", "P-1", "20240102");
        put("1", "11", "112", "CT", "P-1", "20240102");
        put("1", "12", "121", "MR", "P-1", "20240102");
        put("2", "21", "211", "CT", "Q-7", "20231231");
        Path dir = Files.createDirectories(store.reports.resolve(ROOT + "1"));
        report = TestFiles.write(dir.resolve(ROOT + "191.dcm"), TestFiles.BASIC_TEXT_SR, ROOT + "1", ROOT + "19",
                ROOT + "191", "SR", "P-1", "20240102");
        qido = new Qido(new Archive(store, s -> s.equals(ROOT + "1") ? report : null), BASE);
    }

    private void put(String study, String series, String sop, String modality, String patient, String date)
            throws Exception {
        Path f = store.studies.resolve(ROOT + study).resolve(ROOT + series).resolve(ROOT + sop + ".dcm");
        Files.createDirectories(f.getParent());
        TestFiles.write(f, TestFiles.CT_IMAGE_STORAGE, ROOT + study, ROOT + series, ROOT + sop, modality, patient,
                date);
    }

    private static Map<String, String[]> q(String... kv) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], new String[] {kv[i + 1]});
        }
        return m;
    }

    private static List<String> strings(JsonArray rows, String tag) {
        List<String> out = new ArrayList<>();
        for (var e : rows) {
            JsonObject a = e.getAsJsonObject().getAsJsonObject(tag);
            out.add(a.has("Value") ? a.getAsJsonArray("Value").toString() : "");
        }
        return out;
    }

    @Test
    void studiesCarryTheirAttributesCountsModalitiesIncludingTheReportAndRetrieveUrl() throws Exception {
        JsonArray all = qido.studies(q()).matches();
        assertEquals(2, all.size());
        JsonObject s1 = all.get(0).getAsJsonObject();
        assertEquals("UI", s1.getAsJsonObject("0020000D").get("vr").getAsString());
        assertEquals(ROOT + "1", s1.getAsJsonObject("0020000D").getAsJsonArray("Value").get(0).getAsString());
        assertEquals("[\"CT\",\"MR\",\"SR\"]", s1.getAsJsonObject("00080061").getAsJsonArray("Value").toString());
        assertEquals(3, s1.getAsJsonObject("00201206").getAsJsonArray("Value").get(0).getAsInt());
        assertEquals(4, s1.getAsJsonObject("00201208").getAsJsonArray("Value").get(0).getAsInt());
        assertEquals("DOE^JANE", s1.getAsJsonObject("00100010").getAsJsonArray("Value").get(0).getAsJsonObject()
                .get("Alphabetic").getAsString());
        assertEquals(BASE + "/studies/" + ROOT + "1", s1.getAsJsonObject("00081190").getAsJsonArray("Value").get(0)
                .getAsString());
        assertTrue(!s1.getAsJsonObject("00080050").has("Value"), "an empty attribute has no Value");
    }

    @Test
    void studyKeysMatchByWildcardUidListDateRangeAndModality() throws Exception {
        assertEquals(List.of("[\"P-1\"]"), strings(qido.studies(q("PatientID", "P-1")).matches(), "00100020"));
        assertEquals(List.of("[\"Q-7\"]"), strings(qido.studies(q("00100020", "Q*")).matches(), "00100020"));
        assertEquals(2, qido.studies(q("PatientID", "?-?")).matches().size());
        assertEquals(0, qido.studies(q("PatientID", "P")).matches().size());
        assertEquals(2, qido.studies(q("StudyInstanceUID", ROOT + "2," + ROOT + "1")).matches().size());
        assertEquals(1, qido.studies(q("StudyDate", "20240101-")).matches().size());
        assertEquals(1, qido.studies(q("StudyDate", "-20231231")).matches().size());
        assertEquals(2, qido.studies(q("StudyDate", "20231231-20240102")).matches().size());
        assertEquals(1, qido.studies(q("StudyDate", "20231231")).matches().size());
        assertEquals(1, qido.studies(q("ModalitiesInStudy", "MR")).matches().size());
        assertEquals(2, qido.studies(q("ModalitiesInStudy", "mr,CT")).matches().size());
        assertEquals(1, qido.studies(q("ModalitiesInStudy", "SR")).matches().size(), "the report's series counts");
        assertEquals(List.of("[\"" + ROOT + "2\"]"), strings(qido.studies(q("offset", "1", "limit", "5")).matches(),
                "0020000D"));
        assertEquals(1, qido.studies(q("limit", "1")).matches().size());
        Qido.Result r = qido.studies(q("includefield", "all", "SeriesNumber", "1"));
        assertEquals(2, r.matches().size());
        assertEquals(List.of("includefield", "SeriesNumber"), r.ignored());
    }

    @Test
    void badValuesAreRefusedWithTheKeyAndTheReason() {
        for (String[] bad : new String[][] {{"limit", "-1"}, {"offset", "x"}, {"StudyDate", "2024-01-01"},
            {"StudyDate", "-"}, {"StudyInstanceUID", "1.2.abc"}}) {
            Qido.BadQuery e = assertThrows(Qido.BadQuery.class, () -> qido.studies(q(bad)));
            assertTrue(e.getMessage().startsWith(bad[0] + "="), e.getMessage());
        }
    }

    @Test
    void seriesAndInstancesOfAStudyWithTheReportsSeries() throws Exception {
        JsonArray series = qido.series(ROOT + "1", q()).matches();
        assertEquals(List.of("[\"" + ROOT + "11\"]", "[\"" + ROOT + "12\"]", "[\"" + ROOT + "19\"]"),
                strings(series, "0020000E"));
        assertEquals(List.of("[2]", "[1]", "[1]"), strings(series, "00201209"));
        assertEquals(List.of("[\"SR\"]"), strings(qido.series(ROOT + "1", q("Modality", "SR")).matches(), "00080060"));
        JsonArray sr = qido.instances(ROOT + "1", ROOT + "19", q()).matches();
        assertEquals(List.of("[\"" + TestFiles.BASIC_TEXT_SR + "\"]"), strings(sr, "00080016"));
        assertEquals(List.of("[\"" + BASE + "/studies/" + ROOT + "1/series/" + ROOT + "19/instances/" + ROOT
                + "191\"]"), strings(sr, "00081190"));
        assertEquals(1, qido.instances(ROOT + "1", ROOT + "11", q("SOPInstanceUID", ROOT + "112")).matches().size());
        assertNull(qido.series(ROOT + "9", q()), "unknown study");
        assertNull(qido.instances(ROOT + "1", ROOT + "99", q()), "unknown series");
    }

    @Test
    void acceptHeadersAreNegotiated() throws Exception {
        assertTrue(DicomWebServlet.acceptsJson(null));
        assertTrue(DicomWebServlet.acceptsJson("application/dicom+json"));
        assertTrue(DicomWebServlet.acceptsJson("text/html, */*;q=0.1"));
        assertTrue(!DicomWebServlet.acceptsJson("application/xml"));
        List<Path> files = new Archive(store, s -> null).series(ROOT + "1").get(ROOT + "11");
        assertNull(DicomWebServlet.acceptsDicom("multipart/related; type=\"application/dicom\"", files));
        assertNull(DicomWebServlet.acceptsDicom("multipart/related; type=application/dicom; transfer-syntax=*",
                files));
        assertNull(DicomWebServlet.acceptsDicom("multipart/related; type=\"application/dicom\"; "
                + "transfer-syntax=1.2.840.10008.1.2.1", files));
        assertTrue(DicomWebServlet.acceptsDicom("multipart/related; type=\"application/dicom\"; "
                + "transfer-syntax=1.2.840.10008.1.2.4.50", files).contains("not transcoded"));
        assertTrue(DicomWebServlet.acceptsDicom("application/zip", files).contains("multipart/related"));
        assertTrue(DicomWebServlet.acceptsDicom("multipart/related; type=\"image/jpeg\"", files) != null);
    }
}
