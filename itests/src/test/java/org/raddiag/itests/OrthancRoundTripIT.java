package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runners.MethodSorters;

/**
 * RadDiag between a real PACS and itself: Orthanc (Debian) C-STOREs a study to {@code raddiag serve}, the study is
 * diagnosed, and the structured report comes back into Orthanc by C-STORE (a series of modality SR in the same
 * study, read by dcmtk's {@code dsrdump}); the round-trip time is printed. With the PACS down when the report is
 * due, and RadDiag killed with -9 while it waits, the report arrives exactly once after both are back, and a further
 * kill and restart do not send it again. {@code /metrics} counts what happened and passes {@code promtool check
 * metrics}; STOW-RS of a series over HTTP gives a diagnosed study, and bad STOW-RS bodies get clean 4xx; QIDO-RS
 * and WADO-RS serve that study with its SR (strictly parsed), and Orthanc's DICOMweb plugin pulls it; configured
 * for STOW-RS out, the SR goes to Orthanc's DICOMweb STOW-RS endpoint instead of C-STORE. Skipped with
 * the reason when {@code tools/setup-pacs.sh} cannot install the tools.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class OrthancRoundTripIT {
    static final String ROOT = "1.2.826.0.1.3680043.9.7433.17.";
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();
    static Distribution dist;
    static ServeProcess serve;
    static Http http;
    static OrthancPacs pacs;

    @BeforeClass
    public static void start() throws Exception {
        ToolSetup.runOrSkip("setup-pacs.sh", "PACS test");
        pacs = OrthancPacs.start(tmp.newFolder("orthanc").toPath());
        dist = Distribution.copy(tmp.newFolder("dist").toPath());
        Distribution.Result r = dist.run(false, "init-model", "--arch", "demo-small", "--name", "tiny", "--seed", "1");
        assertEquals(r.toString(), 0, r.status);
        startServe();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (serve != null) {
            serve.close();
        }
        if (pacs != null) {
            pacs.close();
        }
    }

    @Test
    public void a_orthancSendsAStudyAndGetsTheStructuredReportBack() throws Exception {
        String study = ROOT + "100";
        String series = ROOT + "101";
        List<Path> files = DcmtkSeries.ct(tmp.newFolder("a").toPath(), study, series, 8);
        String orthancStudy = pacs.upload(files);
        pacs.storeToRaddiag(orthancStudy);
        long received = System.nanoTime();
        Await.until("the SR is in Orthanc\n" + serve.output, 90_000, () -> srCount(orthancStudy) > 0);
        double seconds = (System.nanoTime() - received) / 1e9;
        System.out.printf(Locale.ROOT, "Orthanc round trip: last instance acknowledged to SR stored in Orthanc %.2f s "
                + "(quiet period 2 s included)%n", seconds);

        List<String> srs = pacs.srInstances(orthancStudy);
        assertEquals(1, srs.size());
        JsonObject tags = pacs.get("/instances/" + srs.get(0) + "/simplified-tags").getAsJsonObject();
        assertEquals("SR", tags.get("Modality").getAsString());
        assertEquals(study, tags.get("StudyInstanceUID").getAsString());
        assertEquals(DcmtkSeries.PATIENT_ID, tags.get("PatientID").getAsString());
        String sop = tags.get("SOPInstanceUID").getAsString();

        // the peer stores the SR before its C-STORE response reaches RadDiag, which then writes SENT
        JsonObject report = awaitReport(study, "SENT");
        JsonObject listed = http.get("/api/v1/studies/" + study).json;
        assertEquals("DONE", listed.get("state").getAsString());
        assertEquals(sop, report.get("sopInstanceUid").getAsString());
        assertTrue(report.toString(), report.get("acknowledged").getAsString().startsWith("20"));
        String key = listed.getAsJsonObject("diagnosis").getAsJsonArray("sliceAttention").get(0).getAsJsonObject()
                .getAsJsonObject("keySliceInstance").get("sopInstanceUid").getAsString();
        assertTrue(key, key.startsWith(series + "."));

        Path fromOrthanc = Files.write(tmp.newFile("sr.dcm").toPath(), pacs.file(srs.get(0)));
        Distribution.Result dump = DcmtkSeries.run(List.of("dsrdump", "-Ee", "+Pu", fromOrthanc.toString()));
        assertEquals(dump.toString(), 0, dump.status);
        assertTrue(dump.out, dump.out.contains("Comprehensive SR"));
        assertTrue(dump.out, dump.out.contains("Imaging Measurement Report"));
        assertTrue(dump.out, dump.out.contains(key));

        HttpResponse<byte[]> own = http.getBytes("/api/v1/studies/" + study + "/sr");
        assertEquals(200, own.statusCode());
        assertEquals("application/dicom", own.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(new String(own.body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(sop));
    }

    @Test
    public void b_aReportDueWhileThePacsIsDownArrivesExactlyOnceAfterKill9AndRestart() throws Exception {
        String study = ROOT + "200";
        List<Path> files = DcmtkSeries.ct(tmp.newFolder("b").toPath(), study, ROOT + "201", 6);
        String orthancStudy = pacs.upload(files);
        // the PACS goes down first and the modality (dcmtk) sends the study itself: a diagnosis that is faster than
        // stopping Orthanc would otherwise deliver the report before the PACS is down
        pacs.stop();
        try {
            Distribution.Result sent = DcmtkSeries.storescu(ingest().get("port").getAsInt(), List.of(), files);
            assertEquals(sent.toString(), 0, sent.status);
            serve.await("the report waits for the PACS", 90_000, seen -> {
                JsonObject s = http.get("/api/v1/studies/" + study).json;
                seen.accept(s);
                JsonObject r = s == null ? null : s.getAsJsonObject("report");
                return r != null && r.get("state").getAsString().equals("FAILED_RETRYING");
            });
            serve.kill();
        } finally {
            pacs.start(); // whatever happened, the later tests need the PACS
        }
        startServe();
        Await.until("the SR is in Orthanc\n" + serve.output, 90_000, () -> srCount(orthancStudy) > 0);
        JsonObject report = awaitReport(study, "SENT");
        int attempts = report.get("attempts").getAsInt();
        assertTrue(report.toString(), attempts >= 2);

        serve.kill();
        startServe();
        Thread.sleep(3000); // longer than the retry backoff: a resend would have happened
        assertEquals(1, pacs.srInstances(orthancStudy).size());
        report = awaitReport(study, "SENT");
        assertEquals("not attempted again", attempts, report.get("attempts").getAsInt());
    }

    @Test
    public void c_metricsCountTheDiagnosesRequestsAndReportsAndPassPromtool() throws Exception {
        String orthancStudy = pacs.upload(DcmtkSeries.ct(tmp.newFolder("c").toPath(), ROOT + "300", ROOT + "301", 3));
        pacs.storeToRaddiag(orthancStudy);
        awaitReport(ROOT + "300", "SENT");
        HttpResponse<byte[]> r = http.getBytes("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Content-Type")
                .orElse("").startsWith("text/plain; version=0.0.4"));
        String text = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        for (String s : new String[] {"raddiag_diagnoses_total{backend=\"pytorch\",model=\"tiny\",version=\"1.0.0\"}",
            "raddiag_diagnosis_stage_duration_seconds_bucket{backend=\"pytorch\",stage=\"inference\"",
            "raddiag_http_requests_total{method=\"GET\",route=\"/api/v1/studies/{id}\",status=\"200\"}",
            "raddiag_engine_state{backend=\"pytorch\",state=\"READY\"} 1.0",
            "raddiag_dicom_instances_stored_total{channel=\"c-store\"} ",
            "raddiag_dicom_instances_received_total{channel=\"stow-rs\"} ",
            "raddiag_dicom_studies{state=\"DONE\"} ", "raddiag_dicom_reports{state=\"SENT\"} 3.0",
            "raddiag_dicom_report_sends_total{result=\"acknowledged\"} ",
            "raddiag_read_duration_seconds_bucket{reader=\"dicom\"",
            "raddiag_forward_pass_requests_bucket{backend=\"pytorch\"",
            "raddiag_diagnosis_queue_depth{backend=\"pytorch\"} 0.0", "raddiag_dicom_ingest_running 1.0"}) {
            assertTrue(s + " in\n" + text, text.contains(s));
        }
        assertTrue("no UIDs in the metrics", !text.contains(ROOT));
        Path f = Files.writeString(tmp.newFile("metrics.txt").toPath(), text);
        Distribution.Result check = DcmtkSeries.run(List.of("sh", "-c", "promtool check metrics < " + f));
        System.out.println("promtool check metrics on serve's /metrics: exit " + check.status
                + (check.out.isBlank() ? ", no findings" : "\n" + check.out));
        assertEquals(check.out, 0, check.status);
    }

    @Test
    public void d_stowRsOfASeriesOverHttpGivesADiagnosedStudyAndBadBodiesGetClean4xx() throws Exception {
        String study = ROOT + "400";
        List<Path> files = DcmtkSeries.ct(tmp.newFolder("d").toPath(), study, ROOT + "401", 5);
        stowed = files;
        byte[][] parts = new byte[files.size()][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = Files.readAllBytes(files.get(i));
        }
        Http.Reply r = stow(StowBody.of("application/dicom", parts));
        assertEquals(r.toString(), 200, r.status);
        assertEquals(5, r.json.getAsJsonObject("00081199").getAsJsonArray("Value").size());
        serve.await("STOW-RS study diagnosed", 90_000, seen -> {
            JsonObject s = http.get("/api/v1/studies/" + study).json;
            seen.accept(s);
            return s != null && s.get("state").getAsString().equals("DONE");
        });
        awaitReport(study, "SENT");

        Http.Reply mixed = stow(StowBody.of(new String[] {"text/plain", "application/dicom"},
                new byte[][] {"not dicom".getBytes(java.nio.charset.StandardCharsets.US_ASCII), parts[0]}));
        assertEquals(mixed.toString(), 202, mixed.status);
        assertEquals(1, mixed.json.getAsJsonObject("00081198").getAsJsonArray("Value").size());
        Http.Reply notDicom = stow(StowBody.of("application/dicom", new byte[][] {new byte[300]}));
        assertEquals(notDicom.toString(), 409, notDicom.status);
        Http.Reply wrongType = http.post("/dicomweb/studies", "application/dicom", parts[0], null);
        assertEquals(wrongType.toString(), 415, wrongType.status);
        Http.Reply oversize = stow(StowBody.of("application/dicom", new byte[][] {new byte[2 << 20]}));
        assertEquals(oversize.toString(), 413, oversize.status);
        assertEquals("the server stays up", 200, http.get("/api/v1/studies").status);
    }

    @Test
    public void e_qidoAndWadoServeTheStoreWithTheSrAndOrthancPullsTheStudyOverDicomWeb() throws Exception {
        String study = ROOT + "400";
        JsonArray rows = dicomJson("/dicomweb/studies?StudyInstanceUID=" + study + "&includefield=all");
        assertEquals(rows.toString(), 1, rows.size());
        JsonObject s = rows.get(0).getAsJsonObject();
        assertEquals("[\"CT\",\"SR\"]", s.getAsJsonObject("00080061").getAsJsonArray("Value").toString());
        assertEquals(6, s.getAsJsonObject("00201208").getAsJsonArray("Value").get(0).getAsInt());
        assertEquals(1, dicomJson("/dicomweb/studies?ModalitiesInStudy=SR&StudyInstanceUID=" + study).size());
        JsonArray series = dicomJson("/dicomweb/studies/" + study + "/series?Modality=SR");
        assertEquals(series.toString(), 1, series.size());
        String srSeries = series.get(0).getAsJsonObject().getAsJsonObject("0020000E").getAsJsonArray("Value").get(0)
                .getAsString();
        JsonArray sr = dicomJson("/dicomweb/studies/" + study + "/series/" + srSeries + "/instances");
        assertEquals(1, sr.size());
        String srSop = sr.get(0).getAsJsonObject().getAsJsonObject("00080018").getAsJsonArray("Value").get(0)
                .getAsString();

        String wado = "multipart/related; type=\"application/dicom\"";
        List<byte[]> parts = MultipartDicom.parts(http.getBytes("/dicomweb/studies/" + study, wado));
        assertEquals(6, parts.size());
        for (Path f : stowed) {
            byte[] want = Files.readAllBytes(f);
            assertTrue(f + " comes back as it was stored", parts.stream().anyMatch(p -> Arrays.equals(p, want)));
        }
        byte[] report = http.getBytes("/api/v1/studies/" + study + "/sr").body();
        assertTrue("the SR is in the study", parts.stream().anyMatch(p -> Arrays.equals(p, report)));
        assertEquals(5, MultipartDicom.parts(http.getBytes("/dicomweb/studies/" + study + "/series/" + ROOT + "401",
                null)).size());
        List<byte[]> one = MultipartDicom.parts(http.getBytes("/dicomweb/studies/" + study + "/series/" + srSeries
                + "/instances/" + srSop, wado + "; transfer-syntax=*"));
        assertEquals(1, one.size());
        assertTrue(Arrays.equals(report, one.get(0)));

        assertEquals(400, http.getBytes("/dicomweb/studies?limit=ten", null).statusCode());
        assertEquals(400, http.getBytes("/dicomweb/studies?StudyDate=yesterday", null).statusCode());
        assertEquals(400, http.getBytes("/dicomweb/studies/not-a-uid/series", null).statusCode());
        assertEquals(404, http.getBytes("/dicomweb/studies/" + ROOT + "999", wado).statusCode());
        assertEquals(404, http.getBytes("/dicomweb/studies/" + study + "/series/" + ROOT + "999/instances", null)
                .statusCode());
        assertEquals(404, http.getBytes("/dicomweb/studies/" + study + "/thumbnail", null).statusCode());
        assertEquals(406, http.getBytes("/dicomweb/studies", "application/xml").statusCode());
        assertEquals(406, http.getBytes("/dicomweb/studies/" + study, "application/zip").statusCode());
        assertEquals(406, http.getBytes("/dicomweb/studies/" + study, wado + "; transfer-syntax=1.2.840.10008.1.2.4.50")
                .statusCode());

        Assume.assumeTrue("Orthanc's DICOMweb plugin (Debian orthanc-dicomweb) not installed: its pull from RadDiag "
                + "skipped", Files.isRegularFile(OrthancPacs.DICOMWEB_PLUGIN));
        pacs.dicomWebServer("raddiag", serve.base + "/dicomweb");
        long t0 = System.nanoTime();
        pacs.retrieve("raddiag", study);
        String id = pacs.studyId(study);
        assertTrue("Orthanc has the study", id != null);
        assertEquals("5 CT instances and the SR (Orthanc had the SR already)", 6, pacs.instanceCount(id));
        System.out.printf(Locale.ROOT, "Orthanc pulled the study over WADO-RS in %.2f s%n",
                (System.nanoTime() - t0) / 1e9);
    }

    @Test
    public void f_reportsGoByStowRsToOrthancsDicomWebWhenSoConfigured() throws Exception {
        Assume.assumeTrue("Orthanc's DICOMweb plugin (Debian orthanc-dicomweb) not installed: STOW-RS out skipped",
                Files.isRegularFile(OrthancPacs.DICOMWEB_PLUGIN));
        String url = "http://127.0.0.1:" + pacs.httpPort + "/dicom-web";
        configure("STOW-RS " + url + "/studies", "destinationStowUrl=" + url);
        String study = ROOT + "500";
        String orthancStudy = pacs.upload(DcmtkSeries.ct(tmp.newFolder("f").toPath(), study, ROOT + "501", 3));
        pacs.storeToRaddiag(orthancStudy);
        JsonObject report = awaitReport(study, "SENT");
        assertEquals(report.toString(), "STOW-RS " + url + "/studies", report.get("destination").getAsString());
        assertEquals(report.toString(), 1, report.get("attempts").getAsInt());
        Await.until("the SR is in Orthanc", 30_000, () -> srCount(orthancStudy) == 1);
        String metrics = new String(http.getBytes("/metrics").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(metrics, java.util.regex.Pattern.compile("(?m)^raddiag_dicom_report_sends_total\\{result="
                + "\"acknowledged\"\\} [1-9]").matcher(metrics).find());
    }

    private static JsonArray dicomJson(String path) throws Exception {
        HttpResponse<byte[]> r = http.getBytes(path, "application/dicom+json");
        String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(path + ": " + body, 200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/dicom+json"));
        return com.google.gson.JsonParser.parseString(body).getAsJsonArray();
    }

    static List<Path> stowed = List.of();

    private static Http.Reply stow(byte[] body) throws Exception {
        return http.post("/dicomweb/studies", StowBody.CONTENT_TYPE, body, null);
    }

    private static int srCount(String orthancStudy) {
        try {
            return pacs.srInstances(orthancStudy).size();
        } catch (Exception e) {
            return -1;
        }
    }

    private static JsonObject awaitReport(String study, String state) throws InterruptedException {
        JsonObject[] last = new JsonObject[1];
        serve.await("report " + state, 60_000, seen -> {
            JsonObject s = http.get("/api/v1/studies/" + study).json;
            seen.accept(s);
            JsonObject r = s == null ? null : s.getAsJsonObject("report");
            last[0] = r;
            return r != null && r.get("state").getAsString().equals(state);
        });
        return last[0];
    }

    /**
     * Starts serve, registers its (new) DICOM port in Orthanc and configures the ingest through deploy/ (quiet period
     * 2 s, Orthanc as the report destination, 1 s first retry); written again until the ingest reports it, as
     * Felix FileInstall may empty a deploy/*.cfg it writes back at start (see DicomIngestIT).
     */
    static void startServe() throws Exception {
        serve = new ServeProcess(dist);
        http = new Http(serve.base);
        IngestApi.awaitScp(serve, http);
        configure(OrthancPacs.AE + "@127.0.0.1:" + pacs.dicomPort, "destinationHost=127.0.0.1",
                "destinationPort=" + pacs.dicomPort, "destinationAeTitle=" + OrthancPacs.AE);
        pacs.modality("RADDIAG", ingest().get("port").getAsInt());
    }

    /** Configures the ingest with these destination lines until it shows {@code want} as its report destination. */
    static void configure(String want, String... destination) throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of("quietPeriodSeconds=2", "retryInitialSeconds=1",
                "retryMaxSeconds=2", "stowMaxMegabytes=1"));
        lines.addAll(List.of(destination));
        IngestApi.configure(dist, http, lines, i -> i.get("quietPeriodSeconds").getAsInt() == 2
                && i.has("reportDestination") && want.equals(i.get("reportDestination").getAsString()));
    }

    private static JsonObject ingest() throws Exception {
        return IngestApi.ingest(http);
    }
}
