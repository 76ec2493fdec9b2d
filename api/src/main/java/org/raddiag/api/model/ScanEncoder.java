package org.raddiag.api.model;

/**
 * A 2-D backbone that encodes each slice of a scan into a feature vector (ResNet, ViT, ...). Registered with
 * {@code raddiag.kind=backbone} and {@code raddiag.backbone=<name>}; hot-swappable.
 */
public interface ScanEncoder extends ModelComponent {
    /** Width of the per-slice feature the backbone emits before projection to the hidden width. */
    int featureWidth(ArchitectureConfig config);
}
