package org.raddiag.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One Felix storage folder per process under {@code cache/felix/<pid>}, so a one-shot command can run next to a
 * serving runtime without sharing (and corrupting) its bundle cache. Folders of processes that are gone are removed.
 */
final class FelixStorage {
    private FelixStorage() {
    }

    static Path forThisProcess(Path root) throws IOException {
        Files.createDirectories(root);
        try (Stream<Path> s = Files.list(root)) {
            s.filter(FelixStorage::orphaned).forEach(FelixStorage::deleteQuietly);
        }
        return root.resolve(Long.toString(ProcessHandle.current().pid()));
    }

    private static boolean orphaned(Path p) {
        String name = p.getFileName().toString();
        if (!name.matches("\\d+")) {
            return false;
        }
        long pid = Long.parseLong(name);
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a later start retries
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
