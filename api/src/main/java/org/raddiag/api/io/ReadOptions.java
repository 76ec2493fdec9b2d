package org.raddiag.api.io;

import org.raddiag.api.data.Modality;

/** Options and safety limits for reading one file or series. */
public final class ReadOptions {
    /** Default cap: 512 x 512 x 2048 voxels (2 GiB of float32 would be far beyond any sane scan). */
    public static final long DEFAULT_MAX_VOXELS = 512L * 512 * 2048;

    private final long maxVoxels;
    private final Modality modalityHint;

    public ReadOptions(long maxVoxels, Modality modalityHint) {
        if (maxVoxels <= 0) {
            throw new IllegalArgumentException("maxVoxels must be positive");
        }
        this.maxVoxels = maxVoxels;
        this.modalityHint = modalityHint;
    }

    public static ReadOptions defaults() {
        return new ReadOptions(DEFAULT_MAX_VOXELS, null);
    }

    /** Largest number of voxels a reader may allocate for one scan. */
    public long maxVoxels() {
        return maxVoxels;
    }

    /** Modality to assume when the file does not say, or null. */
    public Modality modalityHint() {
        return modalityHint;
    }

    public ReadOptions withModalityHint(Modality m) {
        return new ReadOptions(maxVoxels, m);
    }
}
