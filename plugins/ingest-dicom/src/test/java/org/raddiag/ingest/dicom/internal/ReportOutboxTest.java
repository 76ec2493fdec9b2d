package org.raddiag.ingest.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportOutboxTest {
    static final String STUDY = DiagnosisReportTest.STUDY;
    static final Destination PEER = new Destination.CStore("127.0.0.1", 1, "PEER");

    @TempDir
    Path tmp;
    final AtomicLong now = new AtomicLong(1_000_000);
    final List<Path> sent = new ArrayList<>();
    /** What the fake peer does next: null = acknowledge. */
    IOException refuse;

    final ReportSender.Send fake = (to, calling, file) -> {
        if (refuse != null) {
            throw refuse;
        }
        assertTrue(Files.isRegularFile(file), file.toString());
        sent.add(file);
    };

    ReportOutbox outbox(ReportSender.Send send) throws IOException {
        ReportOutbox o = new ReportOutbox(tmp.resolve("reports"), send, now::get);
        o.configure(PEER, "RADDIAG", new Backoff(1000, 8000));
        o.open();
        return o;
    }

    String queue(ReportOutbox o) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in-" + System.nanoTime()));
        Path srFile = DiagnosisReportTest.write(dir);
        com.pixelmed.dicom.AttributeList l = new com.pixelmed.dicom.AttributeList();
        l.read(srFile.toString());
        String sop = com.pixelmed.dicom.Attribute.getSingleStringValueOrNull(l,
                com.pixelmed.dicom.TagFromName.SOPInstanceUID);
        Files.createDirectories(o.file(STUDY, sop).getParent());
        Files.copy(srFile, o.file(STUDY, sop));
        o.done(STUDY, sop);
        return sop;
    }

    @Test
    void retriesWithExponentialBackoffAndSendsAnAcknowledgedReportOnceAcrossRestarts() throws Exception {
        ReportOutbox o = outbox(fake);
        String sop = queue(o);
        assertEquals("PENDING", o.status(STUDY).get("state").getAsString());
        refuse = new IOException("connection refused");
        o.tick();
        JsonObject s = o.status(STUDY);
        assertEquals("FAILED_RETRYING", s.get("state").getAsString());
        assertEquals(1, s.get("attempts").getAsInt());
        assertEquals("connection refused", s.get("lastError").getAsString());
        o.tick();
        assertEquals(1, o.status(STUDY).get("attempts").getAsInt(), "not retried before the backoff");
        now.addAndGet(1000);
        o.tick();
        assertEquals(2, o.status(STUDY).get("attempts").getAsInt());
        now.addAndGet(1999);
        o.tick();
        assertEquals(2, o.status(STUDY).get("attempts").getAsInt(), "second wait is doubled");
        now.addAndGet(1);
        o.tick();
        assertEquals(3, o.status(STUDY).get("attempts").getAsInt());
        assertEquals(3, o.sends(ReportOutbox.Result.FAILED));
        assertEquals(0, o.sends(ReportOutbox.Result.ACKNOWLEDGED));

        // restart: retried at once
        o = outbox(fake);
        refuse = null;
        o.tick();
        assertEquals(List.of(o.file(STUDY, sop)), sent);
        assertEquals(1, o.sends(ReportOutbox.Result.ACKNOWLEDGED));
        s = o.status(STUDY);
        assertEquals("SENT", s.get("state").getAsString());
        assertEquals(4, s.get("attempts").getAsInt());
        assertTrue(s.get("acknowledged").getAsString().startsWith("1970-01-01T00:"), s.toString());
        assertEquals(o.file(STUDY, sop), o.current(STUDY));

        // restart again, and the tracker's recovery tells about the same report: never sent twice
        o = outbox(fake);
        o.done(STUDY, sop);
        now.addAndGet(3_600_000);
        o.tick();
        assertEquals(1, sent.size());
        assertEquals("SENT", o.status(STUDY).get("state").getAsString());
    }

    @Test
    void aFailedDiagnosisIsKeptAsFailedAndNothingIsSent() throws Exception {
        ReportOutbox o = outbox(fake);
        queue(o);
        o.failed(STUDY, "no readable image series");
        o.tick();
        assertTrue(sent.isEmpty());
        JsonObject s = o.status(STUDY);
        assertEquals("FAILED", s.get("state").getAsString());
        assertTrue(s.get("lastError").getAsString().contains("no readable image series"), s.toString());
        assertNull(o.current(STUDY));
        assertEquals("FAILED", outbox(fake).status(STUDY).get("state").getAsString(), "kept across a restart");
    }

    @Test
    void withoutADestinationReportsWait() throws Exception {
        ReportOutbox o = outbox(fake);
        o.configure(null, "RADDIAG", new Backoff(1000, 8000));
        queue(o);
        o.tick();
        assertTrue(sent.isEmpty());
        assertTrue(o.status(STUDY).get("waiting").getAsString().contains("destinationHost"));
    }

    @Test
    void aNewerReportOfTheStudySupersedesAnUnsentOne() throws Exception {
        ReportOutbox o = outbox(fake);
        o.configure(null, "RADDIAG", new Backoff(1000, 8000));
        String first = queue(o);
        String second = queue(o);
        assertTrue(Files.notExists(o.file(STUDY, first)));
        o.configure(PEER, "RADDIAG", new Backoff(1000, 8000));
        o.tick();
        assertEquals(List.of(o.file(STUDY, second)), sent);
    }

    @Test
    void cStoreToDcmtkStorescpArrivesAndADownPeerGivesTheReason() throws Exception {
        assumeTrue(Tools.available("storescp"), "dcmtk storescp not installed (apt-get install dcmtk; "
                + "tools/setup-pacs.sh): skipped");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ReportOutbox o = outbox(ReportSender.ANY);
        o.configure(new Destination.CStore("127.0.0.1", port, "PEER"), "RADDIAG", new Backoff(1000, 8000));
        String sop = queue(o);
        o.tick();
        assertEquals("FAILED_RETRYING", o.status(STUDY).get("state").getAsString());
        assertTrue(o.status(STUDY).get("lastError").getAsString().contains("cannot connect"), o.status(STUDY)
                .toString());

        Path received = Files.createDirectories(tmp.resolve("peer"));
        Process scp = new ProcessBuilder("storescp", "-aet", "PEER", "-od", received.toString(), String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("storescp.log").toFile()).start();
        try {
            for (int i = 0; i < 100 && !listening(port); i++) {
                Thread.sleep(50);
            }
            now.addAndGet(1000);
            o.tick();
            assertEquals("SENT", o.status(STUDY).get("state").getAsString(), o.status(STUDY).toString());
            try (Stream<Path> files = Files.list(received)) {
                List<String> names = files.map(p -> p.getFileName().toString()).toList();
                assertEquals(1, names.size(), names.toString());
                assertTrue(names.get(0).contains(sop), names.toString());
            }
        } finally {
            scp.destroy();
            scp.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
