package org.raddiag.ingest.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.testsupport.Dcmtk;

/**
 * The SCP with PixelMed's association handling against dcmtk's {@code storescu} on loopback: the C-STORE response
 * waits for the durable store, and an instance the store refuses is never acknowledged.
 */
class StorageScpTest {
    static final String STUDY = "1.2.826.0.1.3680043.9.7433.50";
    static final String SERIES = "1.2.826.0.1.3680043.9.7433.51";
    static final long SLOW_DISK_MS = 1500;

    @TempDir
    Path tmp;
    InstanceStore store;
    StorageScp scp;
    int port;
    final List<String> stored = new CopyOnWriteArrayList<>();
    volatile boolean slow;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Dcmtk.available("storescu"), "dcmtk (storescu) is not installed (apt-get install dcmtk); test skipped");
        store = new InstanceStore(tmp.resolve("store"));
        store.open();
        DurableReceiver receiver = new DurableReceiver(store, (ids, isNew) -> {
            assertTrue(Files.isRegularFile(store.pathOf(ids)), "in place before the listener hears of it");
            if (slow) {
                try {
                    Thread.sleep(SLOW_DISK_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            stored.add(ids.sop);
        });
        scp = new StorageScp("RADDIAG", store, receiver, 4);
        port = scp.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        if (scp != null) {
            scp.close();
        }
    }

    @Test
    void theResponseWaitsUntilTheInstanceIsStored() throws Exception {
        Path f = TestFiles.write(tmp.resolve("a.dcm"), TestFiles.CT_IMAGE_STORAGE, STUDY, SERIES, SERIES + ".1");
        slow = true;
        long t0 = System.nanoTime();
        int rc = storescu(f);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, rc);
        assertTrue(ms >= SLOW_DISK_MS, "storescu returned after " + ms + " ms, before the store finished");
        assertEquals(List.of(SERIES + ".1"), stored);
        assertTrue(Files.isRegularFile(store.studies.resolve(STUDY).resolve(SERIES).resolve(SERIES + ".1.dcm")));
    }

    @Test
    void aRefusedInstanceIsNotAcknowledgedAndLeavesNothingBehind() throws Exception {
        Path f = TestFiles.write(tmp.resolve("b.dcm"), TestFiles.CT_IMAGE_STORAGE, "../../escaped", SERIES,
                SERIES + ".2");
        assertNotEquals(0, storescu(f), "storescu must not see success");
        assertTrue(stored.isEmpty());
        try (Stream<Path> s = Files.walk(tmp)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().contains("escaped")));
        }
        awaitEmpty(store.incoming);
        // the SCP keeps serving
        Path ok = TestFiles.write(tmp.resolve("c.dcm"), TestFiles.CT_IMAGE_STORAGE, STUDY, SERIES, SERIES + ".3");
        assertEquals(0, storescu(ok));
    }

    @Test
    void aNonImageObjectIsRefusedInNegotiation() throws Exception {
        Path f = TestFiles.write(tmp.resolve("d.dcm"), TestFiles.BASIC_TEXT_SR, STUDY, SERIES, SERIES + ".4");
        assertNotEquals(0, storescu(f));
        assertTrue(stored.isEmpty());
    }

    private int storescu(Path file) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("storescu", "-aec", "RADDIAG", "-to", "20", "-ta", "20", "-td", "20",
                "127.0.0.1", Integer.toString(port), file.toString()));
        return Dcmtk.run(cmd).status();
    }

    private static void awaitEmpty(Path dir) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isEmpty()) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(dir + " not emptied");
    }
}
