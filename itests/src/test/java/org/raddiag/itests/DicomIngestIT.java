package org.raddiag.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runners.MethodSorters;

/**
 * The DICOM network ingest of {@code bin/raddiag serve} with dcmtk's {@code storescu} as the sending modality: a
 * CT series is stored, grouped and diagnosed once the quiet period passes; a transfer syntax the reader cannot
 * decode is refused in association negotiation; and every instance storescu saw acknowledged survives kill -9 and
 * is diagnosed after the restart. The server's output must carry no patient data and no UIDs.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DicomIngestIT {
    static final String ROOT = "1.2.826.0.1.3680043.9.7433.7.";
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();
    static Distribution dist;
    static ServeProcess serve;
    static Http http;

    @BeforeClass
    public static void start() throws Exception {
        Assume.assumeTrue("dcmtk (dump2dcm, storescu, dcmcjpls) is not installed (apt-get install dcmtk); skipped",
                DcmtkSeries.available("dump2dcm", "storescu", "dcmcjpls"));
        dist = Distribution.copy(tmp.newFolder("dist").toPath());
        Distribution.Result r = dist.run(false, "init-model", "--arch", "demo-small", "--name", "tiny", "--seed", "1");
        assertEquals(r.toString(), 0, r.status);
        startServe();
        shortQuietPeriod();
    }

    /** quietPeriodSeconds=2 through deploy/, applied live ({@link IngestApi#configure}). */
    static void shortQuietPeriod() throws Exception {
        int port = port();
        IngestApi.configure(dist, http, List.of("quietPeriodSeconds=2"),
                i -> i.get("quietPeriodSeconds").getAsInt() == 2);
        assertEquals("a new quiet period does not restart the SCP", port, port());
    }

    static void startServe() throws Exception {
        serve = new ServeProcess(dist);
        http = new Http(serve.base);
        IngestApi.awaitScp(serve, http);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    public void a_storesASeriesFromStorescuAndDiagnosesTheStudyAfterTheQuietPeriod() throws Exception {
        String study = ROOT + "100";
        String series = ROOT + "101";
        List<Path> files = DcmtkSeries.ct(tmp.newFolder("a").toPath(), study, series, 8);
        Distribution.Result sent = DcmtkSeries.storescu(port(), List.of(), files);
        assertEquals(sent.toString(), 0, sent.status);

        JsonObject listed = listed(study);
        assertEquals(listed.toString(), 8, listed.get("instances").getAsInt());
        assertEquals(1, listed.get("series").getAsInt());
        for (int k = 0; k < 8; k++) {
            assertTrue("instance " + k + " stored under study/series/sop",
                    Files.isRegularFile(stored(study, series, DcmtkSeries.sop(series, k))));
        }
        JsonObject done = awaitState(study, "DONE");
        assertEquals("tiny:1.0.0", done.get("model").getAsString());
        JsonObject d = done.getAsJsonObject("diagnosis");
        assertEquals("tiny", d.get("model").getAsString());
        JsonArray findings = d.getAsJsonArray("findings");
        assertTrue(d.toString(), findings.size() > 0);
        for (String k : new String[] {"index", "label", "probability", "threshold", "positive"}) {
            assertTrue(k, findings.get(0).getAsJsonObject().has(k));
        }
        assertEquals(1, d.getAsJsonArray("sliceAttention").size());
        assertEquals("series-1", d.getAsJsonArray("sliceAttention").get(0).getAsJsonObject().get("source").getAsString());
        assertEquals(0, d.getAsJsonArray("unreadableFiles").size());
        assertEquals(series, done.getAsJsonArray("seriesList").get(0).getAsJsonObject().get("seriesUid").getAsString());
        assertNoPatientDataOrUidsIn(serve.output.toString(), study, series);
    }

    @Test
    public void b_refusesATransferSyntaxTheReaderCannotDecodeInNegotiation() throws Exception {
        String study = ROOT + "200";
        String series = ROOT + "201";
        Path plain = DcmtkSeries.ct(tmp.newFolder("b").toPath(), study, series, 1).get(0);
        Path jpegLs = plain.resolveSibling("jpeg-ls.dcm");
        DcmtkSeries.run(List.of("dcmcjpls", plain.toString(), jpegLs.toString()));
        // propose JPEG-LS lossless only (storescu would otherwise fall back to an uncompressed context)
        Path cfg = Files.writeString(plain.resolveSibling("jpeg-ls-only.cfg"), String.join("\n", "[[TransferSyntaxes]]",
                "[JLS]", "TransferSyntax1 = JPEGLSLossless", "[[PresentationContexts]]", "[CTJLS]",
                "PresentationContext1 = CTImageStorage\\JLS", "[[Profiles]]", "[JLSOnly]", "PresentationContexts = CTJLS",
                ""));
        long storedBefore = ingest().get("instancesStored").getAsLong();
        Distribution.Result sent = DcmtkSeries.storescu(port(), List.of("-xf", cfg.toString(), "JLSOnly"),
                List.of(jpegLs));
        assertNotEquals(sent.toString(), 0, sent.status);
        assertTrue(sent.out, sent.out.contains("No Acceptable Presentation Contexts"));
        assertEquals(404, http.get("/api/v1/studies/" + study).status);
        assertFalse(Files.exists(dist.userHome.resolve("work/dicom-ingest/studies/" + study)));
        assertEquals(storedBefore, ingest().get("instancesStored").getAsLong());

        // the same image uncompressed is accepted, so it was the transfer syntax that was refused
        Distribution.Result plainSent = DcmtkSeries.storescu(port(), List.of(), List.of(plain));
        assertEquals(plainSent.toString(), 0, plainSent.status);
        listed(study);
    }

    @Test
    public void c_everyAcknowledgedInstanceSurvivesKill9AndTheStudyIsDiagnosedAfterTheRestart() throws Exception {
        String study = ROOT + "300";
        String series = ROOT + "301";
        int n = 12;
        List<Path> files = DcmtkSeries.ct(tmp.newFolder("c").toPath(), study, series, n);
        Distribution.Result sent = DcmtkSeries.storescu(port(), List.of(), files);
        serve.kill(); // kill -9 right after storescu saw every C-STORE acknowledged
        assertEquals(sent.toString(), 0, sent.status);
        assertEquals(sent.out, n, sent.out.split("Received Store Response \\(Success\\)", -1).length - 1);
        for (int k = 0; k < n; k++) {
            Path f = stored(study, series, DcmtkSeries.sop(series, k));
            assertTrue("acknowledged instance " + k + " is on disk after kill -9", Files.isRegularFile(f));
            byte[] b = Files.readAllBytes(f);
            assertArrayEquals("DICM".getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(b, 128, 132));
            assertTrue("complete file", b.length > 16 * 16 * 2);
        }

        startServe();
        JsonObject done = awaitState(study, "DONE");
        assertEquals(n, done.get("instances").getAsInt());
        assertTrue(done.getAsJsonObject("diagnosis").getAsJsonArray("findings").size() > 0);
        assertEquals("the studies diagnosed before the kill stay diagnosed", "DONE", listed(ROOT + "100").get("state")
                .getAsString());
        assertNoPatientDataOrUidsIn(serve.output.toString(), study, series);
    }

    private static int port() throws Exception {
        return ingest().get("port").getAsInt();
    }

    private static JsonObject ingest() throws Exception {
        return IngestApi.ingest(http);
    }

    private static Path stored(String study, String series, String sop) {
        return dist.userHome.resolve("work/dicom-ingest/studies").resolve(study).resolve(series).resolve(sop + ".dcm");
    }

    /** The study's entry in GET /api/v1/studies (it is there as soon as storescu returns). */
    private static JsonObject listed(String study) throws Exception {
        Http.Reply r = http.get("/api/v1/studies");
        assertEquals(r.toString(), 200, r.status);
        for (JsonElement e : r.json.getAsJsonArray("studies")) {
            if (e.getAsJsonObject().get("studyUid").getAsString().equals(study)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("study not listed: " + r);
    }

    private static JsonObject awaitState(String study, String state) throws Exception {
        JsonObject[] last = new JsonObject[1];
        try {
            Await.until("study " + study + " " + state, 90_000, () -> {
                try {
                    Http.Reply r = http.get("/api/v1/studies/" + study);
                    last[0] = r.json;
                    return r.status == 200 && r.json.get("state").getAsString().equals(state);
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + last[0] + "\n" + serve.output, e);
        }
        return last[0];
    }

    private static void assertNoPatientDataOrUidsIn(String log, String... uids) {
        assertFalse("patient name in the server output", log.contains("DOE"));
        assertFalse("patient id in the server output", log.contains(DcmtkSeries.PATIENT_ID));
        assertFalse("birth date in the server output", log.contains("19700101"));
        for (String uid : uids) {
            assertFalse("UID in the server output", log.contains(uid));
        }
    }
}
