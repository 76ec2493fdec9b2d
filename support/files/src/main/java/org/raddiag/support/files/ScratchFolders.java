package org.raddiag.support.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temporary folders that name the process that made them ({@code <prefix>pid<PID>-<random>}), so that the folders a
 * killed JVM left behind (an unpacked package, ONNX weights the size of the model) are removed the next time a
 * folder of the same kind is made, while those of processes still running are kept.
 */
public final class ScratchFolders {
    private static final Pattern OWNER = Pattern.compile("pid(\\d+)-.*");

    private ScratchFolders() {
    }

    /** A new folder under {@code java.io.tmpdir}; the caller removes it ({@link DurableFiles#deleteTree}). */
    public static Path create(String prefix) throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")), prefix);
    }

    /**
     * A new folder under {@code parent} (with {@code attrs}, e.g. owner-only permissions), after removing the
     * orphaned folders of {@code prefix} there.
     */
    public static Path create(Path parent, String prefix, FileAttribute<?>... attrs) throws IOException {
        removeOrphans(parent, prefix);
        return Files.createTempDirectory(parent, prefix + "pid" + ProcessHandle.current().pid() + "-", attrs);
    }

    /** Removes the folders of {@code prefix} under {@code parent} whose process is gone; returns how many. */
    public static int removeOrphans(Path parent, String prefix) {
        int removed = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, glob(prefix) + "pid*-*")) {
            for (Path p : s) {
                if (Files.isDirectory(p) && orphaned(p, prefix)) {
                    try {
                        DurableFiles.deleteTree(p);
                        removed++;
                    } catch (IOException e) {
                        // another user's folder, or one being removed by its owner: not ours to insist on
                    }
                }
            }
        } catch (IOException e) {
            // an unreadable temp folder only means nothing is swept
        }
        return removed;
    }

    /** The folder's process is not running, or a later process reuses its id. */
    static boolean orphaned(Path folder, String prefix) {
        Matcher m = OWNER.matcher(folder.getFileName().toString().substring(prefix.length()));
        if (!m.matches()) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        Optional<ProcessHandle> owner = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (owner.isEmpty()) {
            return true;
        }
        Optional<Instant> started = owner.get().info().startInstant();
        try {
            FileTime made = Files.getLastModifiedTime(folder);
            // a process that started after the folder was written cannot have made it
            return started.isPresent() && started.get().isAfter(made.toInstant().plusSeconds(1));
        } catch (IOException e) {
            return false;
        }
    }

    private static String glob(String prefix) {
        return prefix.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }
}
