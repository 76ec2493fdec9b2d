package org.raddiag.api.model;

import java.util.Objects;
import org.raddiag.api.data.FloatTensor;

/**
 * Engine-neutral input of the RadDiag network for B cases with S scan slots of D slices of H x W pixels, laid out as
 * the reference early-fusion dataset produces it: images (B, S, 1, H, W, D) in [0, 1] with depth last, modality
 * code per slot (0 = empty slot), slice mask per slot and slice (1 = valid), key slice per slot (-1 = none).
 */
public final class ModelInput {
    private final FloatTensor images;
    private final long[] modalityCodes;
    private final long[] sliceMask;
    private final long[] keySlices;
    private final int cases;
    private final int slots;
    private final int height;
    private final int width;
    private final int depth;

    public ModelInput(FloatTensor images, long[] modalityCodes, long[] sliceMask, long[] keySlices) {
        this.images = Objects.requireNonNull(images, "images");
        long[] s = images.shape();
        if (s.length != 6 || s[2] != 1) {
            throw new IllegalArgumentException("images must be (B, S, 1, H, W, D), got " + java.util.Arrays.toString(s));
        }
        this.cases = (int) s[0];
        this.slots = (int) s[1];
        this.height = (int) s[3];
        this.width = (int) s[4];
        this.depth = (int) s[5];
        check(modalityCodes, (long) cases * slots, "modality codes");
        check(sliceMask, (long) cases * slots * depth, "slice mask");
        check(keySlices, (long) cases * slots, "key slices");
        this.modalityCodes = modalityCodes;
        this.sliceMask = sliceMask;
        this.keySlices = keySlices;
    }

    private static void check(long[] a, long n, String what) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(what + " need " + n + " values, got " + (a == null ? "none" : a.length));
        }
    }

    /** (B, S, 1, H, W, D). */
    public FloatTensor images() {
        return images;
    }

    /** (B * S) codes, 0 for an empty slot. */
    public long[] modalityCodes() {
        return modalityCodes;
    }

    /** (B * S * D) flags, 1 for a valid slice. */
    public long[] sliceMask() {
        return sliceMask;
    }

    /** (B * S) key-slice indices, -1 for none. */
    public long[] keySlices() {
        return keySlices;
    }

    public int cases() {
        return cases;
    }

    public int slots() {
        return slots;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int depth() {
        return depth;
    }

    /** Number of valid slices in slot {@code s} of case {@code b}. */
    public int validSlices(int b, int s) {
        int n = 0;
        int base = (b * slots + s) * depth;
        for (int d = 0; d < depth; d++) {
            n += sliceMask[base + d] != 0 ? 1 : 0;
        }
        return n;
    }
}
