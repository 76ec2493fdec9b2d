package org.raddiag.engine.onnxruntime.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes {@code onnxruntime-java*} folders that ONNX Runtime extracted its natives into and that crashed JVMs left
 * behind (ORT deletes its files with {@code deleteOnExit}, which never runs after an abort; 28 MB each).
 *
 * <p>A folder is deleted only if all of these hold, otherwise it is kept:
 * <ul>
 * <li>it is a real directory (not a link) directly in the temp folder, owned by {@code owner};</li>
 * <li>it and everything in it were last modified before {@code cutoff} (older than this JVM and older than a
 * minimum age, so a JVM that is extracting right now is never hit);</li>
 * <li>the set of mapped files is known (Linux {@code /proc}) and no file under it is mapped by a process we can see.
 * Files of other users are not ours to remove anyway.</li>
 * </ul>
 *
 * @param tmpDir the temp folder whose {@code onnxruntime-java*} folders are looked at
 * @param owner  the user whose folders may go
 * @param cutoff folders modified at or after this instant stay
 */
record StaleTempCleaner(Path tmpDir, String owner, Instant cutoff) {
    static final String PREFIX = "onnxruntime-java";

    /** What one run did. */
    record Result(List<Path> deleted, List<Path> kept, long bytesFreed) {
    }

    /** Cleans with {@code mapped} = files mapped by live processes, or empty when unknown (then nothing goes). */
    Result clean(Optional<Set<Path>> mapped) throws IOException {
        List<Path> deleted = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        long bytes = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmpDir, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    if (mapped.isPresent() && isStale(dir, mapped.get())) {
                        bytes += deleteTree(dir);
                        deleted.add(dir);
                        continue;
                    }
                } catch (IOException | RuntimeException e) {
                    // vanished or not deletable: keep it, the next start tries again
                }
                kept.add(dir);
            }
        }
        return new Result(deleted, kept, bytes);
    }

    private boolean isStale(Path dir, Set<Path> mapped) throws IOException {
        if (!owner.equals(Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName())) {
            return false;
        }
        for (Path m : mapped) {
            if (m.startsWith(dir)) {
                return false;
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.allMatch(this::modifiedBeforeCutoff);
        }
    }

    private boolean modifiedBeforeCutoff(Path p) {
        try {
            FileTime t = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
            return t.toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    private static long deleteTree(Path dir) throws IOException {
        long[] bytes = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                bytes[0] += attrs.size();
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
        return bytes[0];
    }
}
