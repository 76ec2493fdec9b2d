package org.raddiag.model.blocks;

/**
 * A slice backbone block that takes the single-channel slices {@code (N, 1, H, W)} itself, as the reference's three
 * identical channels: RadNet then hands it the gray slices instead of repeating them three times. A backbone can
 * then skip the copy, and where its first layer is linear in the channels (a convolution) compute it once with the
 * weights summed over the three input channels, which is the same result.
 */
public interface GraySlices {
}
