package org.raddiag.core.preprocess;

import java.util.List;
import org.raddiag.api.data.FloatTensor;

/**
 * The model input for one case, laid out like the reference dataset output (C order, no batch axis):
 * {@code images} (S, 1, H, W, D) float32 with depth last, {@code mods} (S, 1) modality codes (0 = empty slot),
 * {@code marks} (S, D) 1 for valid slices, {@code keys} (S, 1) key-slice index (-1 = none) and {@code labels} (C)
 * multi-hot. Arrays are shared, not copied.
 *
 * @param images        (S, 1, H, W, D) float32, each sample min-max normalised to [0, 1]
 * @param mods          (S, 1) modality codes, 0 for empty slots
 * @param marks         (S, D) slice mask
 * @param keys          (S, 1) key-slice indices, -1 for empty slots and scans without a key
 * @param labels        (C) multi-hot labels
 * @param slotSources   source of each filled slot's scan, in slot order
 * @param unknownLabels case labels that are not in the label set (ignored, as the reference does)
 */
public record CaseTensors(FloatTensor images, long[] mods, long[] marks, long[] keys, FloatTensor labels,
        List<String> slotSources, List<String> unknownLabels) {
    public CaseTensors {
        slotSources = List.copyOf(slotSources);
        unknownLabels = List.copyOf(unknownLabels);
    }

    public int slots() {
        return mods.length;
    }

    public int depth() {
        return marks.length / mods.length;
    }

    /** Number of slots holding a scan (they come first). */
    public int filledSlots() {
        return slotSources.size();
    }
}
