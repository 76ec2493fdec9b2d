package org.raddiag.core.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Extracts an uploaded zip into a folder, refusing entries that escape it (zip slip) and stopping a zip bomb while
 * it inflates: the bytes actually written (not the sizes the archive claims) are counted against the entry-count
 * limit, the total limit and the ratio to the archive's size.
 */
final class ZipExtractor {
    /** Below this many inflated bytes the ratio is not checked (small files of zeros compress very well). */
    static final long RATIO_FLOOR = 8L * 1024 * 1024;

    private final UploadLimits limits;
    private int files;
    private long total;

    ZipExtractor(UploadLimits limits, int filesSoFar, long bytesSoFar) {
        this.limits = limits;
        this.files = filesSoFar;
        this.total = bytesSoFar;
    }

    int files() {
        return files;
    }

    long bytes() {
        return total;
    }

    /** Extracts {@code zip} (of {@code zipSize} bytes) under {@code root}. */
    void extract(Path zip, long zipSize, Path root) throws IOException, ApiError {
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            ZipEntry e;
            byte[] buf = new byte[64 * 1024];
            boolean any = false;
            while ((e = in.getNextEntry()) != null) {
                any = true;
                Path target = SafePaths.resolve(root, e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                if (++files > limits.maxFiles) {
                    throw ApiError.tooLarge("more than " + limits.maxFiles + " files in the case");
                }
                if (Files.exists(target)) {
                    throw ApiError.badRequest("duplicate entry in the zip: " + e.getName());
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        total += r;
                        check(zipSize);
                        out.write(buf, 0, r);
                    }
                }
            }
            if (!any) {
                throw ApiError.badRequest("the zip is empty or not a zip archive");
            }
        } catch (ZipException e) {
            throw ApiError.badRequest("corrupt zip archive: " + e.getMessage());
        } catch (java.io.EOFException e) {
            throw ApiError.badRequest("truncated zip archive");
        }
    }

    private void check(long zipSize) throws ApiError {
        if (total > limits.maxUncompressedBytes) {
            throw ApiError.tooLarge("the zip inflates to more than " + limits.maxUncompressedBytes + " bytes");
        }
        if (total > RATIO_FLOOR && total > limits.maxCompressionRatio * Math.max(1, zipSize)) {
            throw ApiError.tooLarge("the zip inflates more than " + limits.maxCompressionRatio
                    + " times its size (zip bomb?)");
        }
    }
}
