package org.raddiag.ingest.dicom.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** fsync and atomic replacement of files: what makes an acknowledged instance survive kill -9 and power loss. */
final class Durable {
    private Durable() {
    }

    /** Forces the content and metadata of a regular file to the device. */
    static void forceFile(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Forces a folder's entries (creations, renames, deletions in it) to the device. */
    static void forceDir(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Creates {@code dir} and any missing parents, each made durable in its parent (fsync of the parent). */
    static void createDirs(Path dir) throws IOException {
        Path d = dir.toAbsolutePath();
        if (Files.isDirectory(d)) {
            return;
        }
        Path parent = d.getParent();
        if (parent != null) {
            createDirs(parent);
        }
        try {
            Files.createDirectory(d);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(d)) {
                throw e;
            }
            return;
        }
        if (parent != null) {
            forceDir(parent);
        }
    }

    /**
     * Moves {@code from} to {@code to} in one atomic rename (replacing what is there) after forcing {@code from}'s
     * content, then forces {@code to}'s folder so the new name is on the device too. Both must be on one file system.
     */
    static void moveInto(Path from, Path to) throws IOException {
        forceFile(from);
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDir(to.getParent());
    }

    /** Writes {@code bytes} to {@code file} all or nothing: a forced temp file beside it, renamed over it. */
    static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDir(file.getParent());
    }
}
