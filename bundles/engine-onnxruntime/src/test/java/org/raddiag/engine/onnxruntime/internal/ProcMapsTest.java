package org.raddiag.engine.onnxruntime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing of {@code /proc/<pid>/maps}, on a fake proc folder. */
class ProcMapsTest {
    @TempDir
    Path proc;

    @Test
    void pathOfHandlesAnonymousBlanksAndDeletedFiles() {
        assertNull(ProcMaps.pathOf("7f0000000000-7f0000001000 rw-p 00000000 00:00 0 "));
        assertNull(ProcMaps.pathOf("7ffd0000-7ffd1000 rw-p 00000000 00:00 0                          [stack]"));
        assertEquals("/tmp/onnxruntime-java1/libonnxruntime.so", ProcMaps.pathOf(
                "7f1-7f2 r-xp 00000000 08:01 1234                       /tmp/onnxruntime-java1/libonnxruntime.so"));
        assertEquals("/tmp/a b/lib.so", ProcMaps.pathOf("7f1-7f2 r--p 00000000 08:01 99 /tmp/a b/lib.so (deleted)"));
    }

    @Test
    void collectsMappingsUnderPrefixFromAllReadableProcesses() throws IOException {
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("self/maps"), "1-2 r-xp 0 08:01 1 /usr/lib/libc.so\n");
        Files.createDirectories(proc.resolve("123"));
        Files.writeString(proc.resolve("123/maps"),
                "1-2 r-xp 0 08:01 1 /tmp/onnxruntime-java9/libonnxruntime.so (deleted)\n"
                        + "3-4 rw-p 0 00:00 0 \n");
        Files.createDirectories(proc.resolve("456")); // exited process: no maps
        Files.createDirectories(proc.resolve("sys"));
        Files.writeString(proc.resolve("sys/maps"), "1-2 r-xp 0 08:01 1 /tmp/onnxruntime-java7/x.so\n");

        Optional<Set<Path>> mapped = ProcMaps.mappedUnder(proc, Path.of("/tmp"));
        assertEquals(Optional.of(Set.of(Path.of("/tmp/onnxruntime-java9/libonnxruntime.so"))), mapped);
    }

    @Test
    void unknownWithoutSelfMaps() {
        assertTrue(ProcMaps.mappedUnder(proc, Path.of("/tmp")).isEmpty());
    }
}
