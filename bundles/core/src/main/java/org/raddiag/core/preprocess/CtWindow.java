package org.raddiag.core.preprocess;

/**
 * CT display windows (centre/width in HU). Applied, when enabled, to CT scans before normalisation: values are
 * clamped to {@code [centre - width/2, centre + width/2]}. The reference model was trained without windowing.
 */
public enum CtWindow {
    BRAIN(40, 80), LUNG(-600, 1500), BONE(400, 1800), ABDOMEN(40, 400);

    private final float centre;
    private final float width;

    CtWindow(float centre, float width) {
        this.centre = centre;
        this.width = width;
    }

    public float centre() {
        return centre;
    }

    public float width() {
        return width;
    }

    public float lower() {
        return centre - width / 2;
    }

    public float upper() {
        return centre + width / 2;
    }

    /** {@code v} clamped to the window (NaN stays NaN). */
    public float apply(float v) {
        return v < lower() ? lower() : v > upper() ? upper() : v;
    }
}
