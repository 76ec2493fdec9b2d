package org.raddiag.engine.onnxruntime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cleanup rules, on a private temp folder (never the real /tmp). */
class StaleTempCleanerTest {
    private static final Instant NOW = Instant.now();
    private static final Instant OLD = NOW.minus(Duration.ofHours(3));
    private static final Instant CUTOFF = NOW.minus(Duration.ofHours(1));

    @TempDir
    Path tmp;
    private String me;

    @BeforeEach
    void owner() throws IOException {
        me = Files.getOwner(tmp).getName();
    }

    /** A folder like ORT's, with a 1000-byte library, every entry last modified at {@code time}. */
    private Path ortDir(String name, Instant time) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve(name));
        Path lib = Files.write(dir.resolve("libonnxruntime.so"), new byte[1000]);
        Files.setLastModifiedTime(lib, FileTime.from(time));
        Files.setLastModifiedTime(dir, FileTime.from(time));
        return dir;
    }

    @Test
    void deletesOnlyOldUnmappedOwnOrtFolders() throws IOException {
        Path stale = ortDir("onnxruntime-java111", OLD);
        Path fresh = ortDir("onnxruntime-java222", NOW);
        Path mapped = ortDir("onnxruntime-java333", OLD);
        Path touched = ortDir("onnxruntime-java444", OLD);
        Files.setLastModifiedTime(touched.resolve("libonnxruntime.so"), FileTime.from(NOW));
        Files.setLastModifiedTime(touched, FileTime.from(OLD));
        Path other = ortDir("other-folder", OLD);
        Path plainFile = Files.write(tmp.resolve("onnxruntime-java555"), new byte[10]);
        Files.setLastModifiedTime(plainFile, FileTime.from(OLD));

        StaleTempCleaner.Result r = new StaleTempCleaner(tmp, me, CUTOFF)
                .clean(Optional.of(Set.of(mapped.resolve("libonnxruntime.so"))));

        assertEquals(List.of(stale), r.deleted());
        assertEquals(1000, r.bytesFreed());
        assertFalse(Files.exists(stale));
        for (Path kept : List.of(fresh, mapped, touched, other, plainFile)) {
            assertTrue(Files.exists(kept), kept + " must be kept");
        }
        assertEquals(3, r.kept().size(), "fresh, mapped and touched are seen and kept: " + r.kept());
    }

    @Test
    void mappingsOfASiblingWithALongerNameDoNotProtect() throws IOException {
        Path stale = ortDir("onnxruntime-java1", OLD);
        Path sibling = tmp.resolve("onnxruntime-java12").resolve("libonnxruntime.so");
        StaleTempCleaner.Result r = new StaleTempCleaner(tmp, me, CUTOFF).clean(Optional.of(Set.of(sibling)));
        assertEquals(List.of(stale), r.deleted());
    }

    @Test
    void keepsEverythingWhenMappingsAreUnknown() throws IOException {
        Path stale = ortDir("onnxruntime-java111", OLD);
        StaleTempCleaner.Result r = new StaleTempCleaner(tmp, me, CUTOFF).clean(Optional.empty());
        assertTrue(r.deleted().isEmpty());
        assertTrue(Files.exists(stale));
    }

    @Test
    void keepsFoldersOfOtherOwners() throws IOException {
        Path stale = ortDir("onnxruntime-java111", OLD);
        StaleTempCleaner.Result r = new StaleTempCleaner(tmp, me + "-not", CUTOFF).clean(Optional.of(Set.of()));
        assertTrue(r.deleted().isEmpty());
        assertTrue(Files.exists(stale));
    }

    @Test
    void liveMappingsOfThisJvmAreFoundThroughProc() throws IOException {
        Path proc = Path.of("/proc/self/maps");
        if (!Files.isReadable(proc)) {
            return; // not Linux: ProcMapsTest covers the parsing
        }
        Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
        Set<Path> mapped = ProcMaps.mappedUnder(Path.of("/proc"), javaHome).orElseThrow();
        assertTrue(mapped.stream().anyMatch(p -> p.getFileName().toString().startsWith("libjvm")),
                "libjvm of this JVM is mapped under " + javaHome + ": " + mapped);
    }
}
