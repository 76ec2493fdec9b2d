package org.raddiag.core.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.raddiag.support.files.LimitedInputStream;
import org.raddiag.support.files.ScratchFolders;

/**
 * Writes a diagnosis upload to a private temp folder ({@code rwx------}): a {@code multipart/form-data} body (files,
 * zips, and the fields {@code model}, {@code backend}, {@code top}) or a raw {@code application/zip} body. Zips are
 * extracted safely ({@link ZipExtractor}); file names are checked ({@link SafePaths}); every limit is enforced while
 * the bytes stream in.
 */
final class UploadReceiver {
    private static final int MAX_FIELD_BYTES = 4096;
    private final UploadLimits limits;
    private final Path tempParent;

    UploadReceiver(UploadLimits limits, Path tempParent) {
        this.limits = limits;
        this.tempParent = tempParent;
    }

    /** Receives a body of {@code contentType} and declared {@code contentLength} (-1 when unknown). */
    CaseUpload receive(InputStream body, String contentType, long contentLength) throws IOException, ApiError {
        if (contentLength > limits.maxRequestBytes) {
            throw ApiError.tooLarge("request body of " + contentLength + " bytes exceeds " + limits.maxRequestBytes);
        }
        InputStream in = new LimitedInputStream(body, limits.maxRequestBytes);
        Files.createDirectories(tempParent);
        CaseUpload up = new CaseUpload(ScratchFolders.create(tempParent, "raddiag-upload-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        try {
            Files.createDirectory(up.caseDir);
            String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (ct.startsWith("multipart/form-data")) {
                multipart(in, MultipartReader.boundary(contentType), up);
            } else if (ct.startsWith("application/zip") || ct.startsWith("application/x-zip")) {
                zip(in, up);
            } else {
                throw new ApiError(415, "send multipart/form-data (files, zips) or application/zip, not '"
                        + (contentType == null ? "" : contentType) + "'");
            }
            if (up.files == 0) {
                throw ApiError.badRequest("no files in the upload");
            }
            return up;
        } catch (IOException | ApiError | RuntimeException e) {
            up.close();
            throw e;
        }
    }

    private void multipart(InputStream in, String boundary, CaseUpload up) throws IOException, ApiError {
        MultipartReader r = new MultipartReader(in, boundary);
        MultipartReader.Part p;
        while ((p = r.next()) != null) {
            if (p.filename == null) {
                java.io.ByteArrayOutputStream v = new java.io.ByteArrayOutputStream();
                r.copyBody(v, MAX_FIELD_BYTES);
                up.fields.put(p.name, v.toString(StandardCharsets.UTF_8).trim());
                continue;
            }
            if (p.filename.isEmpty()) { // an empty file input
                r.copyBody(OutputStream.nullOutputStream(), 0);
                continue;
            }
            if (p.filename.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                Path zip = Files.createTempFile(up.tempRoot, "part-", ".zip");
                long n;
                try (OutputStream out = Files.newOutputStream(zip)) {
                    n = r.copyBody(out, limits.maxRequestBytes);
                }
                extract(zip, n, up);
                Files.delete(zip);
                continue;
            }
            Path target = SafePaths.resolve(up.caseDir, p.filename);
            if (++up.files > limits.maxFiles) {
                throw ApiError.tooLarge("more than " + limits.maxFiles + " files in the case");
            }
            if (Files.exists(target)) {
                throw ApiError.badRequest("two uploaded files have the same name");
            }
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                up.bytes += r.copyBody(out, limits.maxRequestBytes);
            }
        }
    }

    private void zip(InputStream in, CaseUpload up) throws IOException, ApiError {
        Path zip = Files.createTempFile(up.tempRoot, "body-", ".zip");
        long n;
        try (OutputStream out = Files.newOutputStream(zip)) {
            n = in.transferTo(out);
        }
        extract(zip, n, up);
        Files.delete(zip);
    }

    private void extract(Path zip, long size, CaseUpload up) throws IOException, ApiError {
        ZipExtractor x = new ZipExtractor(limits, up.files, up.bytes);
        x.extract(zip, size, up.caseDir);
        up.files = x.files();
        up.bytes = x.bytes();
    }
}
