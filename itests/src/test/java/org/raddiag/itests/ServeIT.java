package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code bin/raddiag serve} as users run it: REST endpoints, uploads (multipart and zip), the admin token, the Web
 * Console's credentials, malformed requests (clean 4xx, server stays up), and diagnoses from concurrent clients
 * while the default backend and model are switched and while the backbone bundle is replaced.
 */
public class ServeIT {
    static final String TOKEN = "itest-token-" + System.nanoTime();
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();
    static Distribution dist;
    static ServeProcess serve;
    static Http http;
    static Path scanA;
    static Path scanB;

    @BeforeClass
    public static void start() throws Exception {
        dist = Distribution.copy(tmp.newFolder("dist").toPath());
        for (String[] m : new String[][] {{"tiny", "1"}, {"tiny2", "5"}}) {
            Distribution.Result r = dist.run(false, "init-model", "--arch", "demo-small", "--name", m[0], "--seed", m[1]);
            assertEquals(r.toString(), 0, r.status);
        }
        Files.writeString(dist.dist.resolve("deploy/org.raddiag.rest.cfg"), "adminToken=" + TOKEN
                + "\nconsolePassword=console-pw\nmaxConcurrentDiagnoses=4\ndefaultModel=tiny\nmaxRequestMegabytes=64\n");
        scanA = dist.dist.resolve("data/rp3d-demo/DemoData/data/149462.npy");
        scanB = dist.dist.resolve("data/rp3d-demo/DemoData/data/127781.npy");
        serve = new ServeProcess(dist);
        http = new Http(serve.base);
        serve.await("REST ready", 90_000, seen -> {
            Http.Reply ready = http.get("/api/v1/ready");
            seen.accept(ready);
            return ready.status == 200
                    && http.get("/api/v1/models").json.get("defaultModel").toString().contains("tiny");
        });
    }

    @AfterClass
    public static void stop() throws Exception {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    public void bindsLoopbackAndServesHealthReadinessModelsPluginsAndOpenApi() throws Exception {
        assertTrue(serve.base, serve.base.startsWith("http://127.0.0.1:"));
        assertEquals("UP", http.get("/api/v1/health").json.get("status").getAsString());
        Http.Reply ready = http.get("/api/v1/ready");
        assertEquals(ready.toString(), true, ready.json.get("ready").getAsBoolean());
        Http.Reply models = http.get("/api/v1/models");
        assertEquals(models.toString(), 2, models.json.getAsJsonArray("models").size());
        Http.Reply plugins = http.get("/api/v1/plugins");
        assertTrue(plugins.toString(), plugins.json.getAsJsonObject("services").has("backbone"));
        assertTrue(plugins.toString(), plugins.json.getAsJsonObject("services").has("reader"));
        Http.Reply openapi = http.get("/api/v1/openapi.json");
        assertTrue(openapi.json.get("openapi").getAsString().startsWith("3."));
        for (String p : new String[] {"/diagnoses", "/models", "/plugins", "/health", "/ready", "/admin/backend"}) {
            assertTrue(p, openapi.json.getAsJsonObject("paths").has(p));
        }
        assertEquals(200, http.getBytes("/ui/index.html").statusCode());
    }

    @Test
    public void diagnosesMultipartAndZipUploadsWithSliceImages() throws Exception {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("xray-a.npy", scanA);
        files.put("xray-b.npy", scanB);
        Http.Reply r = http.diagnose(files, Map.of("model", "tiny2", "backend", "onnxruntime", "top", "3"));
        assertEquals(r.toString(), 200, r.status);
        JsonObject d = r.json;
        assertEquals("tiny2", d.get("model").getAsString());
        assertEquals("onnxruntime", d.get("backend").getAsString());
        assertEquals(3, d.getAsJsonArray("findings").size());
        for (String k : new String[] {"index", "label", "probability", "threshold", "positive"}) {
            assertTrue(k, d.getAsJsonArray("findings").get(0).getAsJsonObject().has(k));
        }
        assertEquals(2, d.getAsJsonArray("sliceAttention").size());
        JsonObject scan = d.getAsJsonArray("sliceAttention").get(0).getAsJsonObject();
        assertTrue(scan.get("source").getAsString(), scan.get("source").getAsString().startsWith("xray-"));
        assertTrue(d.getAsJsonObject("timingsMs").has("inference"));
        assertTrue(!r.body.contains(dist.dist.toString()) && !r.body.contains(dist.userHome.toString())
                && !r.body.contains("raddiag-upload-"));
        HttpResponse<byte[]> png = http.getBytes(scan.get("sliceUrl").getAsString().replace("{k}", "0"));
        assertEquals(200, png.statusCode());
        assertEquals((byte) 0x89, png.body()[0]);
        assertEquals("PNG", new String(png.body(), 1, 3, StandardCharsets.US_ASCII));
        assertEquals(404, http.getBytes(scan.get("sliceUrl").getAsString().replace("{k}", "999")).statusCode());
        assertEquals(200, http.get("/api/v1/diagnoses/" + d.get("id").getAsString()).status);

        Http.Reply z = http.post("/api/v1/diagnoses?top=0", "application/zip", Http.zip(Map.of("case1/a.npy", Files.readAllBytes(scanA),
                "case1/b.npy", Files.readAllBytes(scanB))), null);
        assertEquals(z.toString(), 200, z.status);
        assertEquals("default model (deploy/org.raddiag.rest.cfg)", "tiny", z.json.get("model").getAsString());
        assertEquals(8, z.json.getAsJsonArray("findings").size());
    }

    @Test
    public void malformedRequestsGetClean4xxAndTheServerStaysUp() throws Exception {
        String b = "bnd";
        byte[] full = Http.multipart(b, Map.of("a.npy", scanA), Map.of());
        byte[] truncated = Arrays.copyOf(full, full.length / 2);
        assertStatus(400, http.post("/api/v1/diagnoses", "multipart/form-data; boundary=" + b, truncated, null));
        assertStatus(400, http.post("/api/v1/diagnoses", "multipart/form-data", full, null));
        assertStatus(415, http.post("/api/v1/diagnoses", "text/plain", "hello".getBytes(StandardCharsets.UTF_8), null));
        assertStatus(400, http.post("/api/v1/diagnoses", "application/zip", "not a zip".getBytes(StandardCharsets.UTF_8), null));
        assertStatus(400, http.post("/api/v1/diagnoses", "application/zip", Http.zip(Map.of("../../escape.npy", new byte[10])), null));
        assertTrue("zip slip wrote nothing outside", Files.notExists(dist.dist.getParent().resolve("escape.npy")));
        assertStatus(400, http.diagnose(Map.of("../../x.npy", scanA), Map.of()));
        assertStatus(400, http.diagnose(Map.of("/etc/passwd", scanA), Map.of()));
        assertStatus(413, http.post("/api/v1/diagnoses", "application/zip", Http.zip(Map.of("zeros.npy", new byte[40 << 20])), null));
        assertStatus(422, http.diagnose(Map.of("junk.npy", tmp.newFile("junk.npy").toPath()), Map.of()));
        assertStatus(404, http.diagnose(Map.of("a.npy", scanA), Map.of("model", "no-such-model")));
        assertStatus(400, http.diagnose(Map.of("a.npy", scanA), Map.of("top", "many")));
        assertStatus(404, http.get("/api/v1/nothing-here"));
        assertStatus(405, http.get("/api/v1/diagnoses"));
        // raw requests the HTTP client would not send
        assertTrue(Http.raw(serve.port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Huge: " + "a".repeat(64 * 1024) + "\r\n\r\n").matches("HTTP/1.1 4\\d\\d.*"));
        assertTrue(Http.raw(serve.port(), "POST /api/v1/diagnoses HTTP/1.1\r\nHost: x\r\nContent-Type: application/zip\r\n"
                + "Content-Length: 99999999999\r\nConnection: close\r\n\r\nPK").startsWith("HTTP/1.1 413"));
        assertTrue(Http.raw(serve.port(), "BREW /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n").matches("HTTP/1.1 4\\d\\d.*"));
        assertTrue(Http.raw(serve.port(), "GARBAGE\r\n\r\n").matches("HTTP/1.1 4\\d\\d.*"));
        assertEquals(200, http.get("/api/v1/health").status);
        assertEquals(200, http.diagnose(Map.of("a.npy", scanA), Map.of()).status);
    }

    @Test
    public void adminApiNeedsTheTokenAndTheConsoleItsOwnCredentials() throws Exception {
        assertStatus(401, http.admin("/api/v1/admin/backend", "{\"backend\":\"pytorch\"}", null));
        assertStatus(401, http.admin("/api/v1/admin/backend", "{\"backend\":\"pytorch\"}", "wrong"));
        assertStatus(400, http.admin("/api/v1/admin/backend", "not json", TOKEN));
        assertStatus(404, http.admin("/api/v1/admin/model", "{\"model\":\"nope\"}", TOKEN));
        assertStatus(409, http.admin("/api/v1/admin/bundles/0/stop", "", TOKEN));
        assertEquals(401, console("admin", "admin"));
        assertEquals(401, console("admin", "wrong"));
        assertEquals(200, console("admin", "console-pw"));
    }

    @Test
    public void concurrentClientsGetCorrectAnswersWhileBackendAndModelAreSwitched() throws Exception {
        Map<String, Double> expected = expectedProbabilities("pytorch", "onnxruntime");
        int switches = 0;
        try (DiagnosisClients clients = new DiagnosisClients(http, scanA, expected)) {
            for (int i = 0; i < Soak.times(24); i++) {
                Http.Reply r = i % 2 == 0
                        ? http.admin("/api/v1/admin/backend", "{\"backend\":\"" + (i % 4 == 0 ? "onnxruntime" : "pytorch") + "\"}", TOKEN)
                        : http.admin("/api/v1/admin/model", "{\"model\":\"" + (i % 4 == 1 ? "tiny2" : "tiny") + "\"}", TOKEN);
                assertEquals(r.toString(), 200, r.status);
                switches++;
                Thread.sleep(150);
            }
            clients.stop();
            assertTrue("failed responses: " + clients.failures, clients.failures.isEmpty());
            assertTrue("diagnoses during the switches: " + clients.ok.get(), clients.ok.get() >= 20);
        } finally {
            http.admin("/api/v1/admin/backend", "{\"backend\":\"pytorch\"}", TOKEN);
            http.admin("/api/v1/admin/model", "{\"model\":\"tiny\"}", TOKEN);
        }
        assertTrue(switches >= 20);
    }

    /**
     * The backbone bundle itself is replaced 20 times through the admin API (uninstall, package refresh, install of
     * the jar as a new bundle) while 4 clients diagnose on PyTorch and the model is switched: diagnoses that arrive
     * while no backbone is installed wait for the new one (the model runner's grace period), so no response fails,
     * and every response's probabilities are those of the model it names.
     */
    @Test
    public void concurrentClientsGetCorrectAnswersWhileTheBackboneBundleIsReplaced() throws Exception {
        assertEquals(200, http.admin("/api/v1/admin/backend", "{\"backend\":\"pytorch\"}", TOKEN).status);
        Map<String, Double> expected = expectedProbabilities("pytorch");
        byte[] jar = Files.readAllBytes(dist.dist.resolve("bundle/raddiag-backbone-resnet.jar"));
        long backbone = bundleId("raddiag-backbone-resnet");
        int swaps = 0;
        long t0 = System.nanoTime();
        try (DiagnosisClients clients = new DiagnosisClients(http, scanA, expected)) {
            for (int i = 0; i < Soak.times(20); i++) {
                int okBefore = clients.ok.get();
                assertEquals(200, http.admin("/api/v1/admin/bundles/" + backbone + "/uninstall", "", TOKEN).status);
                assertEquals(202, http.admin("/api/v1/admin/reload", "", TOKEN).status);
                Thread.sleep(100); // clients run into the gap
                Http.Reply installed = http.post("/api/v1/admin/bundles?name=backbone-resnet", "application/java-archive",
                        jar, TOKEN);
                assertEquals(installed.toString(), 201, installed.status);
                assertEquals(installed.toString(), "ACTIVE", installed.json.get("state").getAsString());
                backbone = installed.json.get("id").getAsLong();
                Http.Reply model = http.admin("/api/v1/admin/model", "{\"model\":\"" + (i % 2 == 0 ? "tiny2" : "tiny") + "\"}", TOKEN);
                assertEquals(model.toString(), 200, model.status);
                swaps++;
                Await.until("a diagnosis after swap " + i + " (" + clients.failures + ")", 60_000,
                        () -> clients.ok.get() > okBefore || !clients.failures.isEmpty());
            }
            clients.stop();
            System.out.printf("ServeIT: %d backbone swaps in %d ms, %d diagnoses, longest %d ms%n", swaps,
                    (System.nanoTime() - t0) / 1_000_000, clients.ok.get(), clients.longestMillis.get());
            assertTrue("failed responses: " + clients.failures, clients.failures.isEmpty());
            assertTrue("diagnoses during the swaps: " + clients.ok.get(), clients.ok.get() >= 20);
        } finally {
            http.admin("/api/v1/admin/model", "{\"model\":\"tiny\"}", TOKEN);
        }
        assertEquals(Soak.times(20), swaps);
        assertEquals("ACTIVE", bundleState("raddiag-backbone-resnet"));
    }

    /** First-finding probability of the demo scan per model/backend, to check every answer against. */
    private static Map<String, Double> expectedProbabilities(String... backends) throws Exception {
        Map<String, Double> expected = new ConcurrentHashMap<>();
        for (String m : new String[] {"tiny", "tiny2"}) {
            for (String be : backends) {
                Http.Reply r = http.diagnose(Map.of("a.npy", scanA), Map.of("model", m, "backend", be, "top", "0"));
                assertEquals(r.toString(), 200, r.status);
                expected.put(m + "/" + be, DiagnosisClients.firstProbability(r.json));
            }
        }
        assertTrue("the two models must differ to tell them apart: " + expected,
                Math.abs(expected.get("tiny/" + backends[0]) - expected.get("tiny2/" + backends[0])) > 1e-3);
        return expected;
    }

    private static long bundleId(String name) throws Exception {
        return bundle(name).get("id").getAsLong();
    }

    private static String bundleState(String name) throws Exception {
        return bundle(name).get("state").getAsString();
    }

    private static JsonObject bundle(String name) throws Exception {
        Http.Reply plugins = http.get("/api/v1/plugins");
        for (JsonElement b : plugins.json.getAsJsonArray("bundles")) {
            if (name.equals(b.getAsJsonObject().get("name").getAsString())) {
                return b.getAsJsonObject();
            }
        }
        throw new AssertionError("no bundle " + name + " in " + plugins);
    }

    private static void assertStatus(int status, Http.Reply r) {
        assertEquals(r.toString(), status, r.status);
        assertNotNull("JSON error body: " + r, r.json);
        assertEquals(r.toString(), status, r.json.get("status").getAsInt());
    }

    private static int console(String user, String password) throws Exception {
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(serve.base + "/system/console/bundles"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build();
        return Http.CLIENT.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
