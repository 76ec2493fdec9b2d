package org.raddiag.reader.dicom.internal;

import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

/**
 * Turns stored samples into grey values in physical units: BitsStored masking and sign extension, rescale
 * slope/intercept per frame (HU for CT), MONOCHROME1 inverted within the rescaled range of stored values, colour
 * collapsed to grey (RGB by ITU-R BT.601 luma 0.299 R + 0.587 G + 0.114 B; YBR by its Y sample). Palette colour is
 * refused.
 */
final class GreyFrames {
    private GreyFrames() {
    }

    /** Writes frame {@code f} of {@code p} (width x height grey values, row by row) into {@code dest} at {@code at}. */
    static void frame(DicomHeader h, StoredPixels p, int f, float[] dest, int at) throws ReadException {
        int n = h.rows * h.columns;
        String photo = p.photometric;
        if (h.samplesPerPixel == 1) {
            if (photo.startsWith("PALETTE")) {
                throw new ReadException(h.file, Reason.UNSUPPORTED, "PALETTE COLOR images are not supported; "
                        + "convert to RGB or grey first (e.g. `dcmj2pnm --write-png in.dcm out.png`)");
            }
            requireSamples(h, p, (long) n * h.frames);
            monochrome(h, p, f, n, photo.equals("MONOCHROME1"), dest, at);
        } else if (h.samplesPerPixel == 3) {
            if (photo.equals("YBR_FULL_422") || photo.equals("YBR_PARTIAL_422")) {
                requireSamples(h, p, 2L * n * h.frames);
                subsampledLuma(h, p, f, n, dest, at);
            } else {
                requireSamples(h, p, 3L * n * h.frames);
                colour(h, p, f, n, photo.startsWith("YBR"), dest, at);
            }
        } else {
            throw new ReadException(h.file, Reason.UNSUPPORTED, h.samplesPerPixel + " samples per pixel ("
                    + photo + ") are not supported");
        }
    }

    private static void requireSamples(DicomHeader h, StoredPixels p, long needed) throws ReadException {
        if (p.length() < needed) {
            throw new ReadException(h.file, Reason.TRUNCATED, "pixel data has " + p.length() + " samples, "
                    + h.columns + "x" + h.rows + "x" + h.frames + " (" + p.photometric + ") needs " + needed);
        }
    }

    private static void monochrome(DicomHeader h, StoredPixels p, int f, int n, boolean invert, float[] dest,
            int at) {
        int bits = h.bitsStored;
        int mask = bits >= 32 ? -1 : (1 << bits) - 1;
        int signBit = 1 << (bits - 1);
        double slope = h.slopes[f];
        double intercept = h.intercepts[f];
        double lo = (h.signed ? -signBit : 0) * slope + intercept;
        double hi = (h.signed ? signBit - 1 : mask) * slope + intercept;
        double flip = lo + hi;
        int base = f * n;
        for (int i = 0; i < n; i++) {
            int v = p.raw(base + i) & mask;
            if (h.signed && (v & signBit) != 0) {
                v -= 1 << bits;
            }
            double x = v * slope + intercept;
            dest[at + i] = (float) (invert ? flip - x : x);
        }
    }

    private static void colour(DicomHeader h, StoredPixels p, int f, int n, boolean luma, float[] dest, int at) {
        int base = 3 * f * n;
        boolean planar = p.planarConfiguration == 1;
        for (int i = 0; i < n; i++) {
            int a = planar ? base + i : base + 3 * i;
            int step = planar ? n : 1;
            int c0 = p.raw(a);
            if (luma) {
                dest[at + i] = c0;
            } else {
                dest[at + i] = (float) (0.299 * c0 + 0.587 * p.raw(a + step) + 0.114 * p.raw(a + 2 * step));
            }
        }
    }

    /** YBR_*_422 uncompressed: Y0 Y1 Cb Cr for each pair of pixels in a row. */
    private static void subsampledLuma(DicomHeader h, StoredPixels p, int f, int n, float[] dest, int at) {
        int base = 2 * f * n;
        for (int i = 0; i < n; i++) {
            dest[at + i] = p.raw(base + (i / 2) * 4 + (i % 2));
        }
    }
}
