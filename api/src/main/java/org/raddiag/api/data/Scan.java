package org.raddiag.api.data;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One scan of a case: a volume with its modality and plane, an optional key slice (the most representative slice,
 * used by the slice-attention loss in training) and a description of where it came from.
 */
public final class Scan {
    private final Volume volume;
    private final Modality modality;
    private final Plane plane;
    private final int keySlice;
    private final String source;

    /**
     * @param keySlice index into the volume's slices, or -1 for none
     * @param source   file or series the scan was read from, for messages (never patient identifiers)
     */
    public Scan(Volume volume, Modality modality, Plane plane, int keySlice, String source) {
        this.volume = Objects.requireNonNull(volume, "volume");
        this.modality = Objects.requireNonNull(modality, "modality");
        this.plane = plane == null ? Plane.UNKNOWN : plane;
        if (keySlice < -1 || keySlice >= volume.depth()) {
            throw new IllegalArgumentException("key slice " + keySlice + " outside 0.." + (volume.depth() - 1));
        }
        this.keySlice = keySlice;
        this.source = source == null ? "" : source;
    }

    public Volume volume() {
        return volume;
    }

    public Modality modality() {
        return modality;
    }

    public Plane plane() {
        return plane;
    }

    public OptionalInt keySlice() {
        return keySlice < 0 ? OptionalInt.empty() : OptionalInt.of(keySlice);
    }

    public String source() {
        return source;
    }

    /** A copy with another modality, e.g. when a case file overrides what the reader guessed. */
    public Scan withModality(Modality m) {
        return new Scan(volume, m, plane, keySlice, source);
    }

    /** A copy with another key slice (-1 for none). */
    public Scan withKeySlice(int k) {
        return new Scan(volume, modality, plane, k, source);
    }

    @Override
    public String toString() {
        return "Scan[" + modality.label() + ", " + plane + ", " + volume + ", source=" + source + "]";
    }
}
