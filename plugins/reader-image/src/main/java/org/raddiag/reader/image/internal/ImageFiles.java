package org.raddiag.reader.image.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** PNG and JPEG detection by signature. */
final class ImageFiles {
    private ImageFiles() {
    }

    static boolean isPngOrJpeg(Path file) {
        byte[] b = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(b, 0, b.length);
            boolean png = n == 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                    && b[4] == 0x0d && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a;
            boolean jpeg = n >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
            return png || jpeg;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
