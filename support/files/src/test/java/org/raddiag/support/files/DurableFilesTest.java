package org.raddiag.support.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.support.files.DurableFiles.Existing;

class DurableFilesTest {
    @TempDir
    Path tmp;

    @Test
    void writesAndReplaces() throws IOException {
        Path f = tmp.resolve("a.txt");
        DurableFiles.writeString(f, "one");
        DurableFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        DurableFiles.writeLines(f, List.of("x", "y"));
        assertEquals("x\ny\n", Files.readString(f));
        assertEquals(List.of("a.txt"), names(tmp));
    }

    @Test
    void writesThroughAStreamAChannelAndACopy() throws IOException {
        Path s = tmp.resolve("s.bin");
        DurableFiles.write(s, Existing.REFUSE, out -> out.write(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(s));
        Path c = tmp.resolve("c.bin");
        DurableFiles.writeFile(c, Existing.REPLACE, t -> {
            try (FileChannel ch = FileChannel.open(t, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap("chan".getBytes(StandardCharsets.UTF_8)));
            }
        });
        assertEquals("chan", Files.readString(c));
        Path k = tmp.resolve("k.bin");
        DurableFiles.copy(new ByteArrayInputStream(new byte[70_000]), k, Existing.REFUSE);
        assertEquals(70_000, Files.size(k));
    }

    @Test
    void refuseLeavesTheExistingFile() throws IOException {
        Path f = tmp.resolve("model.json");
        Files.writeString(f, "old");
        IOException e = assertThrows(FileAlreadyExistsException.class,
                () -> DurableFiles.write(f, Existing.REFUSE, out -> out.write(1)));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("model.json"), names(tmp));
    }

    @Test
    void missingFolderIsAClearError() {
        Path f = tmp.resolve("no/such/folder/x.txt");
        IOException e = assertThrows(NoSuchFileException.class, () -> DurableFiles.writeString(f, "x"));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void failingCallbackLeavesNoTempAndNoPartialTarget() throws IOException {
        Path fresh = tmp.resolve("fresh.bin");
        assertThrows(IOException.class, () -> DurableFiles.write(fresh, Existing.REPLACE, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        }));
        assertFalse(Files.exists(fresh));
        Path old = tmp.resolve("old.bin");
        Files.writeString(old, "complete");
        assertThrows(IllegalStateException.class, () -> DurableFiles.write(old, Existing.REPLACE, out -> {
            out.write(new byte[1000]);
            throw new IllegalStateException("bug");
        }));
        assertEquals("complete", Files.readString(old));
        assertEquals(List.of("old.bin"), names(tmp));
    }

    @Test
    void publishesAFolderOnceAndCleansUpOnFailure() throws IOException {
        Path pkg = tmp.resolve("models/tiny/1.0.0");
        DurableFiles.publishFolder(pkg, d -> {
            Files.writeString(d.resolve("model.json"), "{}");
            Files.createDirectories(d.resolve("sub"));
            Files.writeString(d.resolve("sub/w.bin"), "w");
        });
        assertEquals("w", Files.readString(pkg.resolve("sub/w.bin")));
        assertThrows(FileAlreadyExistsException.class, () -> DurableFiles.publishFolder(pkg, d -> { }));
        Path broken = tmp.resolve("models/tiny/2.0.0");
        assertThrows(IOException.class, () -> DurableFiles.publishFolder(broken, d -> {
            Files.writeString(d.resolve("model.json"), "{");
            throw new IOException("verification failed");
        }));
        assertFalse(Files.exists(broken));
        assertEquals(List.of("1.0.0"), names(tmp.resolve("models/tiny")));
    }

    @Test
    void moveRefusesAnExistingTargetEvenAnEmptyFolder() throws IOException {
        Path a = Files.createDirectory(tmp.resolve("a"));
        Files.writeString(a.resolve("f"), "f");
        Path b = Files.createDirectory(tmp.resolve("b"));
        assertThrows(FileAlreadyExistsException.class, () -> DurableFiles.move(a, b, Existing.REFUSE));
        Path file = Files.writeString(tmp.resolve("file"), "new");
        Path other = Files.writeString(tmp.resolve("other"), "old");
        assertThrows(FileAlreadyExistsException.class, () -> DurableFiles.move(file, other, Existing.REFUSE));
        assertEquals("old", Files.readString(other));
        DurableFiles.move(a, tmp.resolve("c"), Existing.REFUSE);
        assertEquals("f", Files.readString(tmp.resolve("c/f")));
        DurableFiles.move(file, other, Existing.REPLACE);
        assertEquals("new", Files.readString(other));
    }

    @Test
    void createsFoldersAndDeletesTrees() throws IOException {
        Path d = tmp.resolve("x/y/z");
        DurableFiles.createDirectories(d);
        assertTrue(Files.isDirectory(d));
        Files.writeString(tmp.resolve("x/file"), "f");
        IOException e = assertThrows(IOException.class, () -> DurableFiles.createDirectories(tmp.resolve("x/file/q")));
        assertTrue(e.getMessage().contains("file"), e.getMessage());
        DurableFiles.deleteTree(tmp.resolve("x"));
        assertFalse(Files.exists(tmp.resolve("x")));
        DurableFiles.deleteTree(tmp.resolve("x"));
        assertTrue(DurableFiles.isTemporary(".a.bin123.tmp"));
        assertFalse(DurableFiles.isTemporary("a.tmp"));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
