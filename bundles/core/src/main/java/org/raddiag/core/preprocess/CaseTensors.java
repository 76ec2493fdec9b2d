package org.raddiag.core.preprocess;

import java.util.List;
import org.raddiag.api.data.FloatTensor;

/**
 * The model input for one case, laid out like the reference dataset output (C order, no batch axis):
 * {@code images} (S, 1, H, W, D) float32 with depth last, {@code mods} (S, 1) modality codes (0 = empty slot),
 * {@code marks} (S, D) 1 for valid slices, {@code keys} (S, 1) key-slice index (-1 = none) and {@code labels} (C)
 * multi-hot. Arrays are shared, not copied.
 */
public final class CaseTensors {
    private final FloatTensor images;
    private final long[] mods;
    private final long[] marks;
    private final long[] keys;
    private final FloatTensor labels;
    private final List<String> slotSources;
    private final List<String> unknownLabels;

    CaseTensors(FloatTensor images, long[] mods, long[] marks, long[] keys, FloatTensor labels,
            List<String> slotSources, List<String> unknownLabels) {
        this.images = images;
        this.mods = mods;
        this.marks = marks;
        this.keys = keys;
        this.labels = labels;
        this.slotSources = List.copyOf(slotSources);
        this.unknownLabels = List.copyOf(unknownLabels);
    }

    /** (S, 1, H, W, D) float32, each sample min-max normalised to [0, 1]. */
    public FloatTensor images() {
        return images;
    }

    /** (S, 1) modality codes, 0 for empty slots. */
    public long[] mods() {
        return mods;
    }

    /** (S, D) slice mask. */
    public long[] marks() {
        return marks;
    }

    /** (S, 1) key-slice indices, -1 for empty slots and scans without a key. */
    public long[] keys() {
        return keys;
    }

    /** (C) multi-hot labels. */
    public FloatTensor labels() {
        return labels;
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

    /** Source of each filled slot's scan, in slot order. */
    public List<String> slotSources() {
        return slotSources;
    }

    /** Case labels that are not in the label set (ignored, as the reference does). */
    public List<String> unknownLabels() {
        return unknownLabels;
    }
}
