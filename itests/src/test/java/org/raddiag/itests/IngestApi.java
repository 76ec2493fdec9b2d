package org.raddiag.itests;

import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** The DICOM ingest's part of {@code GET /api/v1/studies} as the ingest itests read it. */
final class IngestApi {
    private IngestApi() {
    }

    /** The {@code ingest} object (running, port, AE title, quiet period, counters, report destination). */
    static JsonObject ingest(Http http) throws Exception {
        Http.Reply r = http.get("/api/v1/studies");
        if (r.status != 200 || r.json == null) {
            throw new IllegalStateException(r.toString());
        }
        return r.json.getAsJsonObject("ingest");
    }

    /** Waits until the C-STORE SCP of {@code serve} listens. */
    static void awaitScp(ServeProcess serve, Http http) throws InterruptedException {
        serve.await("the C-STORE SCP listens", 90_000, seen -> {
            JsonObject ingest = ingest(http);
            seen.accept(ingest);
            return ingest.get("running").getAsBoolean();
        });
    }

    /**
     * Configures the ingest of {@code dist} through {@code deploy/} (PID org.raddiag.ingest.dicom), applied live, with
     * {@code lines} until its {@code ingest} object shows them ({@code applied}). Felix FileInstall writes deploy/*.cfg
     * back when it starts and may leave a file empty (observed in about one start in four, independent of this
     * bundle), so the file is written again, up to five times.
     */
    static void configure(Distribution dist, Http http, List<String> lines, Predicate<JsonObject> applied)
            throws Exception {
        Path cfg = dist.dist.resolve("deploy/org.raddiag.ingest.dicom.cfg");
        for (int attempt = 0; attempt < 5 && !shows(http, applied); attempt++) {
            Files.writeString(cfg, String.join("\n", lines) + "\n");
            try {
                Await.until("ingest configured", 5_000, () -> shows(http, applied));
            } catch (AssertionError retry) {
                // written again
            }
        }
        assertTrue(ingest(http).toString(), shows(http, applied));
    }

    private static boolean shows(Http http, Predicate<JsonObject> applied) {
        try {
            return applied.test(ingest(http));
        } catch (Exception e) {
            return false;
        }
    }
}
