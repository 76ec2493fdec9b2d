package org.raddiag.ingest.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.support.files.DurableFiles;

class InstanceStoreTest {
    static final String STUDY = "1.2.826.0.1.3680043.9.7433.2";
    static final String SERIES = "1.2.826.0.1.3680043.9.7433.3";

    @TempDir
    Path tmp;
    InstanceStore store;

    @BeforeEach
    void open() throws Exception {
        store = new InstanceStore(tmp.resolve("store"));
        store.open();
    }

    @Test
    void commitRenamesTheReceivedFileIntoStudySeriesSopAndLeavesNoTemp() throws Exception {
        Path received = Files.writeString(store.incoming.resolve("received-1.part"), "first");
        InstanceIds ids = new InstanceIds(STUDY, SERIES, "1.2.3.4.5.1", TestFiles.CT_IMAGE_STORAGE);
        assertTrue(store.commit(received, ids), "a new instance");
        Path stored = store.studies.resolve(STUDY).resolve(SERIES).resolve("1.2.3.4.5.1.dcm");
        assertEquals(stored, store.pathOf(ids));
        assertEquals("first", Files.readString(stored));
        assertFalse(Files.exists(received));
        assertEquals(List.of(), list(store.incoming));

        Path resent = Files.writeString(store.incoming.resolve("received-2.part"), "second");
        assertFalse(store.commit(resent, ids), "a resend replaces the stored copy");
        assertEquals("second", Files.readString(stored));
        assertEquals(Map.of(SERIES, 1), store.series(STUDY));
        assertEquals(List.of(STUDY), store.studyUids());
    }

    @Test
    void unsafeUidsAreRefusedBeforeAnythingIsWritten() throws Exception {
        for (String[] bad : new String[][] {{"../../evil", SERIES, "1.2"}, {STUDY, "..", "1.2"}, {STUDY, SERIES, "."},
                {STUDY, SERIES, "1.2/../../x"}, {STUDY, SERIES, "1.2.a"}, {"", SERIES, "1.2"}, {STUDY, SERIES, null}}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new InstanceIds(bad[0], bad[1], bad[2], TestFiles.CT_IMAGE_STORAGE), String.join(",",
                            String.valueOf(bad[0]), String.valueOf(bad[1]), String.valueOf(bad[2])));
        }
        assertThrows(IllegalArgumentException.class, () -> store.stateFile("../x"));
        assertThrows(IllegalArgumentException.class, () -> store.studyDir("."));
        assertEquals(List.of(), store.studyUids());
        try (Stream<Path> s = Files.walk(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("evil")));
        }
    }

    @Test
    void openRemovesWhatACrashLeftButKeepsStoredStudies() throws Exception {
        InstanceIds ids = new InstanceIds(STUDY, SERIES, "1.2.3.4.5.1", TestFiles.CT_IMAGE_STORAGE);
        store.commit(Files.writeString(store.incoming.resolve("a.part"), "x"), ids);
        Files.writeString(store.incoming.resolve("UNACKNOWLEDGED.tmp"), "half");
        Files.createDirectories(store.views.resolve("abc-1/series-1"));
        Files.writeString(store.views.resolve("abc-1/series-1/00001.dcm"), "link");
        Files.writeString(store.studies.resolve("." + STUDY + ".json.tmp"), "{half");
        store.open();
        assertEquals(List.of(), list(store.incoming));
        assertEquals(List.of(), list(store.views));
        assertFalse(Files.exists(store.studies.resolve("." + STUDY + ".json.tmp")));
        assertEquals(Map.of(SERIES, 1), store.series(STUDY));
    }

    @Test
    void scanIgnoresForeignNames() throws Exception {
        Files.createDirectories(store.studies.resolve("not-a-uid/1.2"));
        Files.writeString(store.studies.resolve("not-a-uid/1.2/1.3.dcm"), "x");
        Files.createDirectories(store.studies.resolve(STUDY).resolve(SERIES));
        Files.writeString(store.studies.resolve(STUDY).resolve(SERIES).resolve("notes.txt"), "x");
        Files.writeString(store.studies.resolve(STUDY).resolve(SERIES).resolve("1.2.3.dcm"), "x");
        assertEquals(List.of(STUDY), store.studyUids());
        assertEquals(Map.of(SERIES, 1), store.series(STUDY));
    }

    @Test
    void durableWriteReplacesAtomicallyWithoutLeavingTheTemp() throws Exception {
        Path f = store.studies.resolve(STUDY + ".json");
        DurableFiles.write(f, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        DurableFiles.write(f, "{\"a\":2}".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("{\"a\":2}".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f));
        assertEquals(List.of(f), list(store.studies));
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
