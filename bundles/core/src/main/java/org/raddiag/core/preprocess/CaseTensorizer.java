package org.raddiag.core.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.FloatTensor;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;

/**
 * Builds the model input of a case as the reference early-fusion dataset ({@code RadNet_Dataset_early}) does, with
 * its random choices replaced by deterministic ones:
 * <ul>
 * <li>Samples are used in case order; the reference shuffles them (inference included). Training code that wants
 * the shuffle reorders the case's samples with a seeded RNG before calling this.</li>
 * <li>Per sample, CT and MRI give up to 3 scans (codes 1-3, 4-6), X-ray up to 2 (7, 8), any other modality 1: the
 * first scan, where the reference draws one at random. A sample that would overflow the slots is truncated.</li>
 * <li>Each scan's slices are resized to size x size (bilinear, align_corners=False) when needed and, when deeper
 * than D, subsampled to slices floor(i*d/D) (the key slice moves to the nearest kept slice); then written depth-last
 * into a zero block of D slices, marking the valid ones.</li>
 * <li>Each sample's scans are min-max normalised together over the whole zero-padded block (padding included),
 * {@code (x - min) / (max - min)} in float32. Where max == min the reference substitutes random noise; this writes
 * zeros.</li>
 * <li>Optional CT window (off by default) clamps CT values before resizing and normalisation.</li>
 * <li>Labels: the case's labels as multi-hot over the label set; unknown names are ignored (and listed).</li>
 * </ul>
 * Thread-safe; holds only settings.
 */
public record CaseTensorizer(TensorizerSettings settings) {

    public CaseTensors tensorize(Case c, LabelSet labelSet) {
        int slots = settings.slots();
        int depth = settings.depth();
        int size = settings.size();
        int slotLen = size * size * depth;
        float[] images = new float[slots * slotLen];
        long[] mods = new long[slots];
        long[] marks = new long[slots * depth];
        long[] keys = new long[slots];
        Arrays.fill(keys, -1);
        List<String> sources = new ArrayList<>();
        int slot = 0;
        for (Sample sample : c.samples()) {
            if (slot >= slots) {
                break;
            }
            Modality m = sample.modality();
            int take = Math.min(Math.min(m.maxViews(), sample.scans().size()), slots - slot);
            int first = slot;
            for (int k = 0; k < take; k++, slot++) {
                Scan scan = sample.scans().get(k);
                CtWindow w = m == Modality.CT ? settings.ctWindow() : null;
                int valid = writeScan(scan.volume(), w, images, slot * slotLen);
                Arrays.fill(marks, slot * depth, slot * depth + valid, 1);
                mods[slot] = m.code(k);
                keys[slot] = key(scan.keySlice(), scan.volume().depth());
                sources.add(scan.source());
            }
            normalise(images, first * slotLen, slot * slotLen);
        }
        float[] multiHot = new float[labelSet.size()];
        List<String> unknown = new ArrayList<>();
        for (String l : c.labels()) {
            OptionalInt i = labelSet.indexOf(l);
            if (i.isPresent()) {
                multiHot[i.getAsInt()] = 1f;
            } else {
                unknown.add(l);
            }
        }
        return new CaseTensors(new FloatTensor(images, slots, 1, size, size, depth), mods, marks, keys,
                new FloatTensor(multiHot, multiHot.length), sources, unknown);
    }

    private long key(OptionalInt key, int d) {
        if (key.isEmpty()) {
            return -1;
        }
        return SliceResampler.remapKey(key.getAsInt(), SliceResampler.depthIndices(d, settings.depth()));
    }

    /** Writes {@code v} depth-last at {@code offset} ((y * size + x) * D + z); returns the valid slice count. */
    private int writeScan(Volume v, CtWindow window, float[] out, int offset) {
        int size = settings.size();
        int depth = settings.depth();
        int[] zs = SliceResampler.depthIndices(v.depth(), depth);
        for (int j = 0; j < zs.length; j++) {
            float[] slice = v.slice(zs[j]);
            if (window != null) {
                for (int i = 0; i < slice.length; i++) {
                    slice[i] = window.apply(slice[i]);
                }
            }
            float[] r = SliceResampler.resize(slice, v.width(), v.height(), size, size);
            for (int p = 0; p < r.length; p++) {
                out[offset + p * depth + j] = r[p];
            }
        }
        return zs.length;
    }

    /** Min-max over {@code [from, to)} to [0, 1] in float32; all zeros when the block is constant. */
    static void normalise(float[] a, int from, int to) {
        if (from >= to) {
            return;
        }
        float min = a[from];
        float max = a[from];
        for (int i = from; i < to; i++) {
            min = Math.min(min, a[i]);
            max = Math.max(max, a[i]);
        }
        float range = max - min;
        if (!(range > 0) || !Float.isFinite(range)) {
            Arrays.fill(a, from, to, 0f);
            return;
        }
        for (int i = from; i < to; i++) {
            a[i] = (a[i] - min) / range;
        }
    }
}
