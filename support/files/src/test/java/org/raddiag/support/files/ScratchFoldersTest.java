package org.raddiag.support.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchFoldersTest {
    private static final String PREFIX = "raddiag-test-";

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.pid();
    }

    private static Path folder(Path parent, String name) throws Exception {
        Path d = Files.createDirectories(parent.resolve(name));
        Files.writeString(d.resolve("weights.bin"), "x");
        return d;
    }

    @Test
    void aNewFolderNamesThisProcessAndSweepsTheDeadOnesOfItsKind(@TempDir Path tmp) throws Exception {
        Path dead = folder(tmp, PREFIX + "pid" + deadPid() + "-123");
        Path otherKind = folder(tmp, "raddiag-other-pid" + deadPid() + "-1");
        Path unnamed = folder(tmp, PREFIX + "4711");
        Path created = ScratchFolders.create(tmp, PREFIX);
        assertTrue(Files.isDirectory(created));
        assertTrue(created.getFileName().toString().startsWith(PREFIX + "pid" + ProcessHandle.current().pid() + "-"));
        assertFalse(Files.exists(dead), "the folder of a process that is gone is removed");
        assertTrue(Files.exists(otherKind), "another prefix is not touched");
        assertTrue(Files.exists(unnamed), "a folder without an owner is not touched");
        assertTrue(Files.exists(created));
        assertEquals(0, ScratchFolders.removeOrphans(tmp, PREFIX), "this process's own folder is kept");
    }

    @Test
    void aRunningOwnerKeepsItsFolderUnlessItStartedAfterTheFolderWasWritten(@TempDir Path tmp) throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            Path running = folder(tmp, PREFIX + "pid" + sleeper.pid() + "-1");
            assertEquals(0, ScratchFolders.removeOrphans(tmp, PREFIX), "a folder written after its owner started");
            Files.setLastModifiedTime(running, FileTime.from(Instant.now().minusSeconds(3600)));
            assertEquals(1, ScratchFolders.removeOrphans(tmp, PREFIX), "an hour-old folder of a reused process id");
            assertFalse(Files.exists(running));
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void attributesApplyToTheNewFolder(@TempDir Path tmp) throws Exception {
        Path d = ScratchFolders.create(tmp, PREFIX, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(d)));
    }
}
