package org.raddiag.engine.onnxruntime.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Reads which files live processes have mapped, from Linux {@code /proc/<pid>/maps}. */
final class ProcMaps {
    private static final String DELETED = " (deleted)";

    private ProcMaps() {
    }

    /**
     * Mapped file paths under {@code prefix}, over every process whose maps this process may read. Empty when even
     * {@code <procRoot>/self/maps} cannot be read (not Linux): then nothing can be proven unused.
     */
    static Optional<Set<Path>> mappedUnder(Path procRoot, Path prefix) {
        Set<Path> paths = new HashSet<>();
        if (!read(procRoot.resolve("self").resolve("maps"), prefix, paths)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(procRoot, p -> isPid(p.getFileName().toString()))) {
            for (Path pid : pids) {
                read(pid.resolve("maps"), prefix, paths); // other users' processes are not readable: skipped
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(paths);
    }

    /** The path of one maps line (6th field on, may contain blanks), or null for anonymous mappings. */
    static String pathOf(String line) {
        int fields = 0;
        int i = 0;
        while (i < line.length() && fields < 5) {
            while (i < line.length() && line.charAt(i) != ' ') {
                i++;
            }
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            fields++;
        }
        if (i >= line.length() || line.charAt(i) != '/') {
            return null;
        }
        String p = line.substring(i);
        return p.endsWith(DELETED) ? p.substring(0, p.length() - DELETED.length()) : p;
    }

    private static boolean read(Path maps, Path prefix, Set<Path> into) {
        try (BufferedReader r = Files.newBufferedReader(maps, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String p = pathOf(line);
                if (p != null) {
                    Path path = Path.of(p);
                    if (path.startsWith(prefix)) {
                        into.add(path);
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // the process exited, or it is not ours
        }
    }

    private static boolean isPid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
