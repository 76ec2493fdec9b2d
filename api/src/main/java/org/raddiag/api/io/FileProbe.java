package org.raddiag.api.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The cheap checks behind {@link ModalityReader#accepts}: a regular file whose name ends with one of a reader's
 * suffixes, or whose first bytes are its signature. Every check answers false, never throws, for a null path, a
 * folder, a missing or unreadable file, so each reader's {@code accepts} stays one expression.
 */
public final class FileProbe {
    private FileProbe() {
    }

    /** Whether {@code path} is a regular file whose name ends with one of {@code suffixes} (case-insensitive). */
    public static boolean hasSuffix(Path path, String... suffixes) {
        if (!isFile(path)) {
            return false;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Arrays.stream(suffixes).anyMatch(s -> name.endsWith(s.toLowerCase(Locale.ROOT)));
    }

    /** Whether {@code path} is a regular file that starts with {@code signature}. */
    public static boolean startsWith(Path path, byte[] signature) {
        if (!isFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            return Arrays.equals(in.readNBytes(signature.length), signature);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code path} is not null and a regular file. */
    public static boolean isFile(Path path) {
        try {
            return path != null && Files.isRegularFile(path);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
