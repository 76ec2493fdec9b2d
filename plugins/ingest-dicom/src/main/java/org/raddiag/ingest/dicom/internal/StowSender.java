package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Sends one report file by STOW-RS ({@code POST .../studies}, {@code multipart/related; type="application/dicom"},
 * one part) and returns only when the server stored it: status 200, or 202 with the instance in its
 * ReferencedSOPSequence. Anything else (refused, 4xx/5xx, unreachable, a 202 that lists it as failed) throws with
 * the reason, so the outbox retries it.
 */
final class StowSender {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private StowSender() {
    }

    static void send(Destination.Stow to, Path file, String sopInstanceUid) throws IOException {
        String boundary = "raddiag-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest.Builder b = HttpRequest.newBuilder(to.studies()).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (to.authorization() != null) {
            b.header("Authorization", to.authorization());
        }
        HttpResponse<String> r;
        try {
            r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to " + to);
        } catch (IOException e) {
            throw new IOException("cannot reach " + to + ": " + e, e);
        }
        int status = r.statusCode();
        if (status == 200 || status == 202 && referenced(r.body(), sopInstanceUid)) {
            return;
        }
        String text = r.body() == null ? "" : r.body().replaceAll("\\s+", " ");
        throw new IOException(to + " answered " + status + (status == 202 ? " without storing the report" : "")
                + (text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text)));
    }

    /** Whether a STOW-RS answer lists the instance as stored (ReferencedSOPSequence, ReferencedSOPInstanceUID). */
    private static boolean referenced(String body, String sop) {
        try {
            JsonObject o = JsonParser.parseString(body).getAsJsonObject();
            if (!o.has("00081199")) {
                return false;
            }
            for (JsonElement item : o.getAsJsonObject("00081199").getAsJsonArray("Value")) {
                JsonObject ref = item.getAsJsonObject().getAsJsonObject("00081155");
                if (ref != null && ref.getAsJsonArray("Value").get(0).getAsString().equals(sop)) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            // not the DICOM JSON of a STOW-RS answer
        }
        return false;
    }
}
