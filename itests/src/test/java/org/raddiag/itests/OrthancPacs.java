package org.raddiag.itests;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Orthanc (Debian's {@code Orthanc} binary) as the PACS: started on free loopback ports with a generated
 * configuration (its storage in a temp folder, no plugins, REST only from localhost), RadDiag as a DICOM modality;
 * stopped through its REST API (killed when that fails). Restartable on the same ports and storage. With Debian's
 * orthanc-dicomweb installed, its DICOMweb plugin is loaded ({@code /dicom-web/}: a STOW-RS server, and a DICOMweb
 * client of the servers registered with {@link #dicomWebServer}).
 */
final class OrthancPacs implements AutoCloseable {
    static final String AE = "ORTHANC";
    static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
    final Path dir;
    final int httpPort;
    final int dicomPort;
    private final Path config;
    private Process process;

    private OrthancPacs(Path dir, int httpPort, int dicomPort) throws IOException {
        this.dir = dir;
        this.httpPort = httpPort;
        this.dicomPort = dicomPort;
        Path storage = Files.createDirectories(dir.resolve("storage"));
        JsonObject c = new JsonObject();
        c.addProperty("Name", "RADDIAG-ITEST");
        c.addProperty("StorageDirectory", storage.toString());
        c.addProperty("IndexDirectory", storage.toString());
        c.addProperty("HttpPort", httpPort);
        c.addProperty("DicomPort", dicomPort);
        c.addProperty("DicomAet", AE);
        c.addProperty("RemoteAccessAllowed", false);
        c.addProperty("AuthenticationEnabled", false);
        c.addProperty("DicomCheckCalledAet", true);
        JsonArray plugins = new JsonArray();
        if (Files.isRegularFile(DICOMWEB_PLUGIN)) {
            plugins.add(DICOMWEB_PLUGIN.toString());
            JsonObject web = new JsonObject();
            web.addProperty("Enable", true);
            web.addProperty("Root", "/dicom-web/");
            c.add("DicomWeb", web);
        }
        c.add("Plugins", plugins);
        c.add("DicomModalities", new JsonObject());
        this.config = Files.writeString(dir.resolve("orthanc.json"), c.toString());
    }

    static OrthancPacs start(Path dir) throws Exception {
        OrthancPacs o = new OrthancPacs(dir, freePort(), freePort());
        o.start();
        return o;
    }

    void start() throws Exception {
        process = new ProcessBuilder("Orthanc", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("orthanc.log").toFile()).start();
        Await.until("Orthanc answers on port " + httpPort, 60_000, () -> {
            try {
                return get("/system").getAsJsonObject().get("DicomPort").getAsInt() == dicomPort;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Registers (or moves) RadDiag as the modality {@code raddiag}. */
    void modality(String aeTitle, int port) throws Exception {
        JsonObject m = new JsonObject();
        m.addProperty("AET", aeTitle);
        m.addProperty("Host", "127.0.0.1");
        m.addProperty("Port", port);
        send("PUT", "/modalities/raddiag", "application/json", m.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads Part 10 files over REST; returns Orthanc's id of their study. */
    String upload(List<Path> files) throws Exception {
        String study = null;
        for (Path f : files) {
            study = send("POST", "/instances", "application/dicom", Files.readAllBytes(f)).getAsJsonObject()
                    .get("ParentStudy").getAsString();
        }
        return study;
    }

    /** C-STOREs a study to RadDiag (synchronously: returns once every instance was acknowledged). */
    JsonElement storeToRaddiag(String orthancStudy) throws Exception {
        JsonObject body = new JsonObject();
        JsonArray r = new JsonArray();
        r.add(orthancStudy);
        body.add("Resources", r);
        body.addProperty("Synchronous", true);
        return send("POST", "/modalities/raddiag/store", "application/json",
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Orthanc ids of the SR instances of a study. */
    List<String> srInstances(String orthancStudy) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonElement s : get("/studies/" + orthancStudy + "/series").getAsJsonArray()) {
            JsonObject series = s.getAsJsonObject();
            JsonElement mod = series.getAsJsonObject("MainDicomTags").get("Modality");
            if (mod != null && mod.getAsString().equals("SR")) {
                for (JsonElement i : series.getAsJsonArray("Instances")) {
                    out.add(i.getAsString());
                }
            }
        }
        return out;
    }

    /** Registers (or moves) a DICOMweb server Orthanc's plugin can pull from. */
    void dicomWebServer(String name, String url) throws Exception {
        JsonObject s = new JsonObject();
        s.addProperty("Url", url);
        send("PUT", "/dicom-web/servers/" + name, "application/json", s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Has the DICOMweb plugin retrieve (WADO-RS) a study from a registered server into Orthanc. */
    JsonElement retrieve(String server, String studyUid) throws Exception {
        JsonObject study = new JsonObject();
        study.addProperty("Study", studyUid);
        JsonArray resources = new JsonArray();
        resources.add(study);
        JsonObject body = new JsonObject();
        body.add("Resources", resources);
        return send("POST", "/dicom-web/servers/" + server + "/retrieve", "application/json",
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Orthanc's id of the study with this UID, or null. */
    String studyId(String studyUid) throws Exception {
        for (JsonElement e : send("POST", "/tools/lookup", "text/plain", studyUid.getBytes(StandardCharsets.US_ASCII))
                .getAsJsonArray()) {
            if (e.getAsJsonObject().get("Type").getAsString().equals("Study")) {
                return e.getAsJsonObject().get("ID").getAsString();
            }
        }
        return null;
    }

    /** Number of instances Orthanc holds of a study. */
    int instanceCount(String orthancStudy) throws Exception {
        return get("/studies/" + orthancStudy + "/instances").getAsJsonArray().size();
    }

    byte[] file(String instance) throws Exception {
        HttpResponse<byte[]> r = Http.CLIENT.send(HttpRequest.newBuilder(uri("/instances/" + instance + "/file"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("Orthanc: " + r.statusCode());
        }
        return r.body();
    }

    JsonElement get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    private JsonElement send(String method, String path, String type, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        HttpResponse<String> r = Http.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("Orthanc " + method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body().isBlank() ? new JsonObject() : JsonParser.parseString(r.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** Stops Orthanc (REST shutdown, else kill) and waits until its ports are free. */
    void stop() throws Exception {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            send("POST", "/tools/shutdown", "application/json", new byte[0]);
        } catch (IOException e) {
            // killed below
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    String log() {
        try {
            return Files.readString(dir.resolve("orthanc.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
