package org.raddiag.core.registry;

/**
 * What the model expects as input: in-plane size (H = W), slices per scan, scan slots per case and the value range
 * of the preprocessed voxels.
 */
public record InputSpec(int imageSize, int depth, int slots, double valueMin, double valueMax) {
    public InputSpec {
        if (imageSize <= 0 || depth <= 0 || slots <= 0) {
            throw new IllegalArgumentException("input sizes must be positive: image_size " + imageSize + ", depth "
                    + depth + ", slots " + slots);
        }
        if (!(valueMin < valueMax)) {
            throw new IllegalArgumentException("value_range [" + valueMin + ", " + valueMax + "] is empty");
        }
    }

    /** The reference preprocessing: 256 x 256, 32 slices, 4 slots, values in [0, 1]. */
    public static InputSpec reference() {
        return new InputSpec(256, 32, 4, 0, 1);
    }
}
