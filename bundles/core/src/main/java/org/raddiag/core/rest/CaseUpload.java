package org.raddiag.core.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** An upload written to a private temp folder: the case folder, the form fields, and sizes. Closing deletes it. */
final class CaseUpload implements AutoCloseable {
    final Path tempRoot;
    final Path caseDir;
    final Map<String, String> fields = new LinkedHashMap<>();
    int files;
    long bytes;

    CaseUpload(Path tempRoot) {
        this.tempRoot = tempRoot;
        this.caseDir = tempRoot.resolve("case");
    }

    /** The case folder to load: {@code case/}, or its only entry when that is a folder (a wrapped case or a series). */
    Path loadRoot() throws IOException {
        try (Stream<Path> s = Files.list(caseDir)) {
            Path[] entries = s.filter(p -> !p.getFileName().toString().startsWith(".")).toArray(Path[]::new);
            // a series folder is still read as one scan there (the case locator asks the readers)
            if (entries.length == 1 && Files.isDirectory(entries[0])) {
                return entries[0];
            }
        }
        return caseDir;
    }

    /** A client-facing name for a path in the case folder (never the server's temp path). */
    String relative(String path) {
        String root = caseDir.toString();
        return path.startsWith(root) ? path.substring(Math.min(path.length(), root.length() + 1)) : path;
    }

    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(tempRoot)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort; the folder is private to this request
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }
}
