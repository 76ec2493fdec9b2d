package org.raddiag.support.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one way user data is written: into a temporary sibling of the target, forced to the device (fsync), renamed
 * onto the target in one atomic rename, then the folder forced too, so that after a crash, kill -9 or power loss a
 * reader sees the old content or the complete new one, never a mix, and an acknowledged write stays written.
 * Whole folders (model packages, checkpoints) are published the same way: filled in a temporary sibling, every file
 * and folder in it forced, renamed into place. On failure the temporary file or folder is deleted and the target is
 * left as it was. Temporary names start with {@code .} and end with {@link #TEMP_SUFFIX}.
 */
public final class DurableFiles {
    /** Suffix of temporary files and folders; leftovers of an interrupted process carry it. */
    public static final String TEMP_SUFFIX = ".tmp";

    /** What to do when the target already exists. */
    public enum Existing {
        /** Replace it atomically (readers see the old or the new content). */
        REPLACE,
        /** Fail with {@link FileAlreadyExistsException} and leave it unchanged (immutable data, e.g. a model version). */
        REFUSE
    }

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /** Writes the content of a file to the (existing, empty) temporary file, e.g. through a {@link FileChannel}. */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path tempFile) throws IOException;
    }

    /** Fills the (existing, empty) temporary folder. */
    @FunctionalInterface
    public interface FolderWriter {
        void write(Path tempFolder) throws IOException;
    }

    private DurableFiles() {
    }

    /** Writes {@code bytes} to {@code target}, replacing it. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, Existing.REPLACE, out -> out.write(bytes));
    }

    /** Writes {@code text} as UTF-8 to {@code target}, replacing it. */
    public static void writeString(Path target, CharSequence text) throws IOException {
        write(target, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code lines} as UTF-8, each followed by a newline, to {@code target}, replacing it. */
    public static void writeLines(Path target, List<String> lines) throws IOException {
        StringBuilder s = new StringBuilder();
        for (String l : lines) {
            s.append(l).append('\n');
        }
        writeString(target, s);
    }

    /** Copies {@code in} (to its end; not closed) to {@code target}. */
    public static void copy(InputStream in, Path target, Existing existing) throws IOException {
        write(target, existing, in::transferTo);
    }

    /** Writes what {@code content} writes to a stream to {@code target}. */
    public static void write(Path target, Existing existing, StreamWriter content) throws IOException {
        writeFile(target, existing, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                content.write(out);
            }
        });
    }

    /** Writes {@code target} through {@code content}, which fills a temporary file of the same folder. */
    public static void writeFile(Path target, Existing existing, FileWriter content) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = folderOf(abs);
        if (existing == Existing.REFUSE && Files.exists(abs)) {
            throw new FileAlreadyExistsException(abs.toString(), null, "refusing to overwrite");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), TEMP_SUFFIX);
        } catch (IOException e) {
            throw new IOException("cannot write " + abs + ": cannot create a temporary file in " + dir + ": " + e, e);
        }
        try {
            content.write(tmp);
            force(tmp, StandardOpenOption.WRITE);
            rename(tmp, abs, existing);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Publishes the folder {@code target} (which must not exist; missing parents are created): {@code content} fills
     * a temporary sibling, every
     * file and folder in it is forced, then it is renamed into place and its parent forced.
     */
    public static void publishFolder(Path target, FolderWriter content) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        createDirectories(parent);
        if (Files.exists(abs)) {
            throw new FileAlreadyExistsException(abs.toString(), null, "refusing to overwrite");
        }
        Path tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + "-");
        try {
            content.write(tmp);
            move(tmp, abs, Existing.REFUSE);
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Renames {@code from} (a file, or a folder whose every file is then forced) to {@code to} atomically and forces
     * both folders. Both must be on one file system. With {@link Existing#REFUSE} an existing {@code to} is an error.
     */
    public static void move(Path from, Path to, Existing existing) throws IOException {
        Path src = from.toAbsolutePath().normalize();
        Path abs = to.toAbsolutePath().normalize();
        if (Files.isDirectory(src)) {
            if (existing == Existing.REPLACE) {
                throw new IllegalArgumentException("a folder cannot replace " + abs + " atomically");
            }
            syncTree(src);
        } else {
            force(src, StandardOpenOption.READ);
        }
        rename(src, abs, existing);
        if (!folderOf(src).equals(folderOf(abs))) {
            forceFolder(folderOf(src));
        }
    }

    /** Creates {@code dir} and its missing parents, each new one forced into its parent. */
    public static void createDirectories(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(d)) {
            return;
        }
        Path parent = d.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(d);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(d)) {
                throw new IOException("cannot create folder " + d + ": a file of that name exists", e);
            }
            return;
        }
        if (parent != null) {
            forceFolder(parent);
        }
    }

    /** Forces a folder's entries (creations, renames, deletions in it) to the device. */
    public static void forceFolder(Path dir) throws IOException {
        force(dir, StandardOpenOption.READ);
    }

    /** Forces every file and folder under {@code dir} (and {@code dir}) to the device (fsync works on read-only fds). */
    public static void syncTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                force(p, StandardOpenOption.READ);
            }
        }
    }

    /** Deletes {@code dir} and everything under it, if it exists; entries that vanish meanwhile are fine. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // removed meanwhile
        }
    }

    /** Whether {@code name} is one of this class's temporary names (leftovers of an interrupted write). */
    public static boolean isTemporary(String name) {
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    private static Path folderOf(Path abs) throws IOException {
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(abs.toString(), null, "cannot write: folder " + dir + " does not exist");
        }
        return dir;
    }

    private static void rename(Path tmp, Path abs, Existing existing) throws IOException {
        try {
            if (existing == Existing.REFUSE) {
                refusingRename(tmp, abs);
            } else {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot move " + tmp + " to " + abs + " atomically (different file systems?)", e);
        }
        forceFolder(abs.getParent());
    }

    /** rename(2) replaces an existing file or empty folder, so a refusing rename of a file goes through link(2). */
    private static void refusingRename(Path tmp, Path abs) throws IOException {
        if (Files.exists(abs)) {
            throw new FileAlreadyExistsException(abs.toString(), null, "refusing to overwrite");
        }
        if (Files.isDirectory(tmp)) {
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        try {
            Files.createLink(abs, tmp);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            if (e instanceof FileAlreadyExistsException) {
                throw new FileAlreadyExistsException(abs.toString(), null, "refusing to overwrite");
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE); // no hard links here: checked just above
            return;
        }
        Files.delete(tmp);
    }

    private static void force(Path p, StandardOpenOption mode) throws IOException {
        try (FileChannel ch = FileChannel.open(p, mode)) {
            ch.force(true);
        } catch (IOException e) {
            throw new IOException("cannot flush " + p + " to the device: " + e, e);
        }
    }
}
