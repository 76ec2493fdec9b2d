package org.raddiag.itests;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A small HTTP client for the REST tests: JSON GET/POST and multipart uploads. */
final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    Http(String base) {
        this.base = base;
    }

    /** Status and parsed JSON body (null when the body is not JSON). */
    static final class Reply {
        final int status;
        final String body;
        final JsonObject json;

        Reply(int status, String body) {
            this.status = status;
            this.body = body;
            JsonObject j = null;
            try {
                j = JsonParser.parseString(body).getAsJsonObject();
            } catch (RuntimeException ignored) {
                // not JSON
            }
            this.json = j;
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 2000 ? body.substring(0, 2000) : body);
        }
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET with an Accept header (null: none). */
    HttpResponse<byte[]> getBytes(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    Reply post(String path, String contentType, byte[] body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    Reply admin(String path, String json, String token) throws IOException, InterruptedException {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), token);
    }

    /** POST /api/v1/diagnoses with {@code files} (name -> file) and form fields. */
    Reply diagnose(Map<String, Path> files, Map<String, String> fields) throws IOException, InterruptedException {
        String boundary = "itest" + System.nanoTime();
        return post("/api/v1/diagnoses", "multipart/form-data; boundary=" + boundary, multipart(boundary, files, fields), null);
    }

    static byte[] multipart(String boundary, Map<String, Path> files, Map<String, String> fields) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            o.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, Path> f : files.entrySet()) {
            o.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            o.writeBytes(Files.readAllBytes(f.getValue()));
            o.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        o.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return o.toByteArray();
    }

    private static Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = CLIENT.send(b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    /** Sends raw bytes and returns the status line. */
    static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            OutputStream o = s.getOutputStream();
            try {
                o.write(request.getBytes(StandardCharsets.ISO_8859_1));
                o.flush();
            } catch (java.io.IOException e) {
                // the server may close early on huge headers; its answer is still readable
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.write(c);
            }
            return line.toString(StandardCharsets.ISO_8859_1).trim();
        }
    }

    /** A zip archive of {@code entries} (name to bytes), in their order. */
    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }
}
