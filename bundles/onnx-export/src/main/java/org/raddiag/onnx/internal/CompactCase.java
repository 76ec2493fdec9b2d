package org.raddiag.onnx.internal;

import java.util.ArrayList;
import java.util.List;
import org.raddiag.api.model.ModelInput;

/**
 * One case of a {@link ModelInput} without its empty slots (modality code 0) and trailing padded slices: the kept
 * slots and depth D' = the last valid slice + 1 over the kept slots. Exact in eval mode (masked keys never reach the
 * CLS query, BatchNorm uses running statistics). A case with no scan keeps all slots and depth 1. The images are not
 * copied: {@link #slice} reads a kept slot's slice from the input itself.
 */
final class CompactCase {
    final int[] slots;
    final int depth;
    final long[] mods;
    final long[] marks;

    private final ModelInput in;
    private final int b;

    private CompactCase(ModelInput in, int b, int[] slots, int depth, long[] mods, long[] marks) {
        this.in = in;
        this.b = b;
        this.slots = slots;
        this.depth = depth;
        this.mods = mods;
        this.marks = marks;
    }

    static CompactCase of(ModelInput in, int b) {
        int s0 = in.slots();
        int d0 = in.depth();
        List<Integer> kept = new ArrayList<>();
        int depth = 0;
        for (int s = 0; s < s0; s++) {
            if (in.modalityCodes()[b * s0 + s] != 0) {
                kept.add(s);
                int base = (b * s0 + s) * d0;
                for (int d = d0 - 1; d >= 0; d--) {
                    if (in.sliceMask()[base + d] != 0) {
                        depth = Math.max(depth, d + 1);
                        break;
                    }
                }
            }
        }
        if (kept.isEmpty()) {
            for (int s = 0; s < s0; s++) {
                kept.add(s);
            }
        }
        depth = Math.max(depth, 1);
        int[] slots = kept.stream().mapToInt(Integer::intValue).toArray();
        long[] mods = new long[slots.length];
        long[] marks = new long[slots.length * depth];
        for (int i = 0; i < slots.length; i++) {
            int slot = b * s0 + slots[i];
            mods[i] = in.modalityCodes()[slot];
            System.arraycopy(in.sliceMask(), slot * d0, marks, i * depth, depth);
        }
        return new CompactCase(in, b, slots, depth, mods, marks);
    }

    /**
     * Copies slice {@code d} of kept slot {@code i} ({@code H * W} values, row-major) into {@code dst} at {@code at};
     * the input stores depth last, {@code (B, S, 1, H, W, D)}.
     */
    void slice(int i, int d, float[] dst, int at) {
        int pixels = in.height() * in.width();
        int d0 = in.depth();
        float[] src = in.images().data();
        long from = (long) (b * in.slots() + slots[i]) * pixels * d0 + d;
        for (int p = 0; p < pixels; p++) {
            dst[at + p] = src[(int) (from + (long) p * d0)];
        }
    }
}
