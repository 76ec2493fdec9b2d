package org.raddiag.itests;

import com.google.gson.JsonObject;

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
}
