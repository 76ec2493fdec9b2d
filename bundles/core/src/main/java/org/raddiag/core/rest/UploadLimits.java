package org.raddiag.core.rest;

/** Limits on one upload (from {@link RestConfig}). */
final class UploadLimits {
    final long maxRequestBytes;
    final int maxFiles;
    final long maxUncompressedBytes;
    final double maxCompressionRatio;

    UploadLimits(long maxRequestBytes, int maxFiles, long maxUncompressedBytes, double maxCompressionRatio) {
        this.maxRequestBytes = maxRequestBytes;
        this.maxFiles = maxFiles;
        this.maxUncompressedBytes = maxUncompressedBytes;
        this.maxCompressionRatio = maxCompressionRatio;
    }

    static UploadLimits of(RestConfig c) {
        return new UploadLimits(c.maxRequestMegabytes() * 1024L * 1024L, c.maxFilesPerCase(),
                c.maxUncompressedMegabytes() * 1024L * 1024L, c.maxCompressionRatio());
    }
}
