package org.raddiag.core.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.raddiag.checkpoint.Checksums;
import org.raddiag.support.files.DurableFiles;

/**
 * The SHA-256 of an installed package's weights, recorded beside them ({@code .NAME.sha256}: size, modification time,
 * digest) once it has been computed, so one-shot commands ({@code models}, {@code diagnose}) do not hash a 460 MB file
 * on every start. Any change of the file's size or modification time means computing it again; a folder that cannot
 * be written (read-only registry) just computes it every time. Hidden, so the package's file stamp ignores it.
 */
final class RecordedChecksum {
    private RecordedChecksum() {
    }

    static String sha256(Path file) throws IOException {
        String stamp = stamp(file);
        Path record = record(file);
        try {
            String[] r = Files.readString(record, StandardCharsets.UTF_8).trim().split(" ");
            if (r.length == 2 && r[0].equals(stamp) && r[1].matches("[0-9a-f]{64}")) {
                return r[1];
            }
        } catch (IOException | RuntimeException e) {
            // no usable record: compute below
        }
        String sha = Checksums.sha256(file);
        if (stamp.equals(stamp(file))) { // not changed while it was read
            try {
                DurableFiles.writeString(record, stamp + " " + sha + "\n");
            } catch (IOException e) {
                // read-only registry: nothing recorded
            }
        }
        return sha;
    }

    private static Path record(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".sha256");
    }

    private static String stamp(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.size() + ":" + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
