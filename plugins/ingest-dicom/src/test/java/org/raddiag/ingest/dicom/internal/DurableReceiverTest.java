package org.raddiag.ingest.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableReceiverTest {
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String STUDY = "1.2.826.0.1.3680043.9.7433.2";
    static final String SERIES = "1.2.826.0.1.3680043.9.7433.3";

    @TempDir
    Path tmp;
    InstanceStore store;
    final List<String> told = new ArrayList<>();
    DurableReceiver receiver;

    @BeforeEach
    void open() throws Exception {
        store = new InstanceStore(tmp.resolve("store"));
        store.open();
        receiver = new DurableReceiver(store, (ids, isNew) -> told.add(ids.sop + (isNew ? " new" : " resent")));
    }

    @Test
    void storesUnderTheDataSetsUidsBeforeReturning() throws Exception {
        Path f = TestFiles.write(store.incoming.resolve("received-a.part"), TestFiles.CT_IMAGE_STORAGE, STUDY, SERIES,
                "1.2.3.4.5.7");
        receiver.sendReceivedObjectIndication(f.toString(), EXPLICIT_LE, "SCU");
        assertTrue(Files.isRegularFile(store.studies.resolve(STUDY).resolve(SERIES).resolve("1.2.3.4.5.7.dcm")));
        assertFalse(Files.exists(f));
        assertEquals(List.of("1.2.3.4.5.7 new"), told);
        assertEquals(1, receiver.storedCount());
        assertEquals(1, receiver.stored(DurableReceiver.Channel.CSTORE));
        assertEquals(1, receiver.received(DurableReceiver.Channel.CSTORE));
        assertEquals(0, receiver.received(DurableReceiver.Channel.STOW));
    }

    @Test
    void refusesPathTraversalInUidsAndStoresNothing() throws Exception {
        Path f = TestFiles.write(store.incoming.resolve("received-b.part"), TestFiles.CT_IMAGE_STORAGE,
                "../../../outside", SERIES, "1.2.3.4.5.8");
        assertThrows(Exception.class, () -> receiver.sendReceivedObjectIndication(f.toString(), EXPLICIT_LE, "SCU"));
        assertFalse(Files.exists(f), "a refused file is removed");
        assertStoredNothing();
    }

    @Test
    void refusesNonImageObjectsAndUnacceptedSyntaxes() throws Exception {
        Path sr = TestFiles.write(store.incoming.resolve("received-c.part"), TestFiles.BASIC_TEXT_SR, STUDY, SERIES,
                "1.2.3.4.5.9");
        assertThrows(Exception.class, () -> receiver.sendReceivedObjectIndication(sr.toString(), EXPLICIT_LE, "SCU"));
        Path ls = TestFiles.write(store.incoming.resolve("received-d.part"), TestFiles.CT_IMAGE_STORAGE, STUDY, SERIES,
                "1.2.3.4.5.10");
        assertThrows(Exception.class,
                () -> receiver.sendReceivedObjectIndication(ls.toString(), "1.2.840.10008.1.2.4.80", "SCU"));
        Path outside = TestFiles.write(tmp.resolve("elsewhere.dcm"), TestFiles.CT_IMAGE_STORAGE, STUDY, SERIES,
                "1.2.3.4.5.11");
        assertThrows(Exception.class,
                () -> receiver.sendReceivedObjectIndication(outside.toString(), EXPLICIT_LE, "SCU"));
        assertStoredNothing();
        assertEquals(3, receiver.refusedCount());
        assertEquals(3, receiver.refused(DurableReceiver.Channel.CSTORE));
        assertEquals(3, receiver.received(DurableReceiver.Channel.CSTORE));
    }

    @Test
    void refusedMessagesCarryNoUids() throws Exception {
        Path f = TestFiles.write(store.incoming.resolve("received-e.part"), TestFiles.BASIC_TEXT_SR, STUDY, SERIES,
                "1.2.3.4.5.12");
        Exception e = assertThrows(Exception.class,
                () -> receiver.sendReceivedObjectIndication(f.toString(), EXPLICIT_LE, "SCU"));
        assertFalse(e.getMessage().contains(STUDY), e.getMessage());
    }

    private void assertStoredNothing() throws Exception {
        try (Stream<Path> s = Files.walk(tmp)) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".dcm") && p.startsWith(store.studies)));
        }
        assertTrue(told.isEmpty());
        try (Stream<Path> s = Files.walk(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().equals("outside")));
        }
    }
}
