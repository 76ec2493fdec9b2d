package org.raddiag.api.model;

import java.util.Objects;
import org.raddiag.api.data.FloatTensor;

/**
 * Engine-neutral input of the RadDiag network for B cases with S scan slots of D slices of H x W pixels, laid out as
 * the reference early-fusion dataset produces it: images (B, S, 1, H, W, D) in [0, 1] with depth last, modality
 * code per slot (0 = empty slot), slice mask per slot and slice (1 = valid), key slice per slot (-1 = none).
 */
public record ModelInput(FloatTensor images, long[] modalityCodes, long[] sliceMask, long[] keySlices) {
    /**
     * @param images        (B, S, 1, H, W, D)
     * @param modalityCodes (B * S) codes, 0 for an empty slot
     * @param sliceMask     (B * S * D) flags, 1 for a valid slice
     * @param keySlices     (B * S) key-slice indices, -1 for none
     */
    public ModelInput {
        Objects.requireNonNull(images, "images");
        long[] s = images.shape();
        if (s.length != 6 || s[2] != 1) {
            throw new IllegalArgumentException("images must be (B, S, 1, H, W, D), got " + java.util.Arrays.toString(s));
        }
        check(modalityCodes, s[0] * s[1], "modality codes");
        check(sliceMask, s[0] * s[1] * s[5], "slice mask");
        check(keySlices, s[0] * s[1], "key slices");
    }

    private static void check(long[] a, long n, String what) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(what + " need " + n + " values, got " + (a == null ? "none" : a.length));
        }
    }

    /** B. */
    public int cases() {
        return dim(0);
    }

    /** S. */
    public int slots() {
        return dim(1);
    }

    public int height() {
        return dim(3);
    }

    public int width() {
        return dim(4);
    }

    /** D. */
    public int depth() {
        return dim(5);
    }

    private int dim(int i) {
        return (int) images.shape()[i];
    }

    /** Number of valid slices in slot {@code s} of case {@code b}. */
    public int validSlices(int b, int s) {
        int n = 0;
        int depth = depth();
        int base = (b * slots() + s) * depth;
        for (int d = 0; d < depth; d++) {
            n += sliceMask[base + d] != 0 ? 1 : 0;
        }
        return n;
    }
}
