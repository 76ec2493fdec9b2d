package org.raddiag.ingest.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STOW-RS out against the JDK's HTTP server as the DICOMweb server (Orthanc's is in OrthancRoundTripIT): the request
 * is one multipart/related part with our file, the answer decides acknowledged or retried; and the configuration.
 */
class StowSenderTest {
    private static final String SOP = "1.2.826.0.1.3680043.9.7433.60.1";

    @TempDir
    Path tmp;
    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{}";
    private byte[] file;
    private Path report;

    @BeforeEach
    void start() throws Exception {
        report = TestFiles.write(tmp.resolve(SOP + ".dcm"), TestFiles.BASIC_TEXT_SR, "1.2.3", "1.2.4", SOP);
        file = Files.readAllBytes(report);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/dicom-web/studies", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            String type = x.getRequestHeaders().getFirst("Content-Type");
            String boundary = type.replaceAll(".*boundary=", "");
            byte[] head = ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
            boolean exact = body.length == head.length + file.length + tail.length
                    && java.util.Arrays.equals(java.util.Arrays.copyOfRange(body, 0, head.length), head)
                    && java.util.Arrays.equals(java.util.Arrays.copyOfRange(body, head.length, head.length
                            + file.length), file)
                    && java.util.Arrays.equals(java.util.Arrays.copyOfRange(body, body.length - tail.length,
                            body.length), tail);
            requests.add(x.getRequestMethod() + " " + type.replaceAll("boundary=.*", "boundary=B") + " "
                    + x.getRequestHeaders().getFirst("Authorization") + " " + (exact ? "one part, the file" : "BAD"));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(status, out.length);
            x.getResponseBody().write(out);
            x.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Destination.Stow to(String auth) {
        return new Destination.Stow(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/dicom-web/studies"), auth);
    }

    @Test
    void anAcknowledgedReportReturnsAndEverythingElseThrowsTheReason() throws Exception {
        StowSender.send(to("Bearer t0k"), report, SOP);
        assertEquals(List.of("POST multipart/related; type=\"application/dicom\"; boundary=B Bearer t0k one part, "
                + "the file"), requests);

        status = 202;
        answer = "{\"00081199\":{\"vr\":\"SQ\",\"Value\":[{\"00081155\":{\"vr\":\"UI\",\"Value\":[\"" + SOP
                + "\"]}}]}}";
        StowSender.send(to(null), report, SOP); // stored with a warning

        answer = "{\"00081198\":{\"vr\":\"SQ\",\"Value\":[{}]}}";
        IOException notStored = assertThrows(IOException.class, () -> StowSender.send(to(null), report, SOP));
        assertTrue(notStored.getMessage().contains("202 without storing the report"), notStored.getMessage());
        status = 409;
        IOException refused = assertThrows(IOException.class, () -> StowSender.send(to(null), report, SOP));
        assertTrue(refused.getMessage().contains("answered 409"), refused.getMessage());
        status = 401;
        answer = "";
        assertTrue(assertThrows(IOException.class, () -> StowSender.send(to(null), report, SOP)).getMessage()
                .contains("answered 401"));
        server.stop(0);
        IOException down = assertThrows(IOException.class, () -> StowSender.send(to(null), report, SOP));
        assertTrue(down.getMessage().startsWith("cannot reach STOW-RS http://127.0.0.1:"), down.getMessage());
    }

    @Test
    void theConfigurationGivesTheStudiesUrlAndTheAuthorizationAndRefusesMistakes() {
        Destination.Stow s = StowDestination.of(config(Map.of("destinationStowUrl", "http://pacs:8042/dicom-web/",
                "destinationStowUser", "ris", "destinationStowPassword", "pw")));
        assertEquals(URI.create("http://pacs:8042/dicom-web/studies"), s.studies());
        assertEquals("Basic cmlzOnB3", s.authorization());
        assertEquals("STOW-RS http://pacs:8042/dicom-web/studies", s.toString(), "no credentials shown");
        assertEquals("Bearer abc", StowDestination.of(config(Map.of("destinationStowUrl",
                "https://pacs/dicomweb/studies", "destinationStowToken", "abc"))).authorization());
        assertNull(StowDestination.of(config(Map.of())));
        for (Map<String, String> bad : List.of(Map.of("destinationStowUrl", "ftp://pacs/x"),
                Map.of("destinationStowUrl", "http://u:p@pacs/x"), Map.of("destinationStowUrl", "not a url"),
                Map.of("destinationStowToken", "abc"), Map.of("destinationStowUrl", "http://pacs/x",
                        "destinationStowUser", "u", "destinationStowToken", "t"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StowDestination.of(config(bad)), bad.toString());
            assertTrue(e.getMessage().contains("destinationStow"), e.getMessage());
        }
    }

    @Test
    void theBackoffDoublesUpToItsMaximum() {
        Backoff b = new Backoff(1000, 5000);
        assertEquals(List.of(1000L, 2000L, 4000L, 5000L, 5000L), List.of(b.delay(1), b.delay(2), b.delay(3),
                b.delay(4), b.delay(60)));
        assertEquals(2000, Backoff.fixed(2000).delay(7));
    }

    /** An IngestConfig with the given values and the defaults for the rest. */
    static IngestConfig config(Map<String, String> values) {
        return (IngestConfig) java.lang.reflect.Proxy.newProxyInstance(IngestConfig.class.getClassLoader(),
                new Class<?>[] {IngestConfig.class}, (proxy, m, args) -> {
                    if (values.containsKey(m.getName())) {
                        return values.get(m.getName());
                    }
                    if (m.getName().equals("annotationType")) {
                        return (Class<? extends Annotation>) IngestConfig.class;
                    }
                    return m.getDefaultValue();
                });
    }
}
