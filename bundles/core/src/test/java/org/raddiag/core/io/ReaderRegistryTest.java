package org.raddiag.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.telemetry.DiagnosisObserver;

/** Readers are tried by the platform's one rule: highest service.ranking, then lowest service.id. */
class ReaderRegistryTest {
    private static ModalityReader reader(String name, String suffix) {
        return new ModalityReader() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<String> formats() {
                return Set.of(suffix);
            }

            @Override
            public boolean accepts(Path path) {
                return path.toString().endsWith(suffix);
            }

            @Override
            public List<Scan> read(Path path, ReadOptions options) {
                return List.of();
            }
        };
    }

    private static Map<String, Object> props(long id, Integer ranking) {
        return ranking == null ? Map.of("service.id", id) : Map.of("service.id", id, "service.ranking", ranking);
    }

    @Test
    void aHigherRankingTakesOverAFormatAndItsRemovalGivesItBack() {
        ReaderRegistry r = new ReaderRegistry();
        ModalityReader nifti = reader("nifti", ".nii");
        ModalityReader npy = reader("numpy", ".npy");
        ModalityReader better = reader("nifti-fast", ".nii");
        ModalityReader later = reader("nifti-late", ".nii");
        r.addReader(npy, props(20, null));
        r.addReader(nifti, props(12, null));
        r.addReader(later, props(30, null));
        assertEquals(List.of(nifti, npy, later), r.readers(), "equal ranking: registration order (service.id)");
        assertEquals("nifti", r.readerFor(Path.of("a.nii")));

        r.addReader(better, props(40, 10));
        assertEquals("nifti-fast", r.readerFor(Path.of("a.nii")));
        r.removeReader(better, props(40, 10));
        assertEquals("nifti", r.readerFor(Path.of("a.nii")));
        r.removeReader(nifti, props(12, null));
        assertEquals("nifti-late", r.readerFor(Path.of("a.nii")));
        assertNull(r.readerFor(Path.of("a.dcm")));
    }

    @Test
    void readsAreTimedForTheDiagnosisObservers() throws Exception {
        ReaderRegistry r = new ReaderRegistry();
        r.addReader(reader("numpy", ".npy"), props(20, null));
        List<String> heard = new ArrayList<>();
        r.observers = List.of(new DiagnosisObserver() {
            @Override
            public void diagnosed(org.raddiag.api.data.Diagnosis diagnosis) {
            }

            @Override
            public void read(String reader, int scans, double millis) {
                assertTrue(millis >= 0, "a duration");
                heard.add(reader + ":" + scans);
            }
        });
        Path f = Files.createTempFile("scan", ".npy");
        try {
            // this reader finds no image, which the reading then refuses; the read itself was timed
            assertThrows(ReadException.class, () -> r.plainScanFiles(ReadOptions.defaults()).read(f));
            assertThrows(ReadException.class, () -> r.scanFiles(ReadOptions.defaults()).files().read(f));
        } finally {
            Files.delete(f);
        }
        assertEquals(List.of("numpy:0", "numpy:0"), heard);
    }
}
