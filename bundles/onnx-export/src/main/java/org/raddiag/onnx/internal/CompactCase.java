package org.raddiag.onnx.internal;

import java.util.ArrayList;
import java.util.List;
import org.raddiag.api.model.ModelInput;

/**
 * One case of a {@link ModelInput} without its empty slots (modality code 0) and trailing padded slices: the kept
 * slots and depth D' = the last valid slice + 1 over the kept slots. Exact in eval mode (masked keys never reach the
 * CLS query, BatchNorm uses running statistics). A case with no scan keeps all slots and depth 1.
 */
final class CompactCase {
    final int[] slots;
    final int depth;
    final float[] images;
    final long[] mods;
    final long[] marks;

    private CompactCase(int[] slots, int depth, float[] images, long[] mods, long[] marks) {
        this.slots = slots;
        this.depth = depth;
        this.images = images;
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
        int pixels = in.height() * in.width();
        float[] src = in.images().data();
        float[] images = new float[slots.length * pixels * depth];
        long[] mods = new long[slots.length];
        long[] marks = new long[slots.length * depth];
        for (int i = 0; i < slots.length; i++) {
            int slot = b * s0 + slots[i];
            mods[i] = in.modalityCodes()[slot];
            System.arraycopy(in.sliceMask(), slot * d0, marks, i * depth, depth);
            long from = (long) slot * pixels * d0;
            int to = i * pixels * depth;
            for (int p = 0; p < pixels; p++) {
                System.arraycopy(src, (int) (from + (long) p * d0), images, to + p * depth, depth);
            }
        }
        return new CompactCase(slots, depth, images, mods, marks);
    }

    /** Input shapes for B = 1. */
    long[] imageShape(ModelInput in) {
        return new long[] {1, slots.length, 1, in.height(), in.width(), depth};
    }
}
