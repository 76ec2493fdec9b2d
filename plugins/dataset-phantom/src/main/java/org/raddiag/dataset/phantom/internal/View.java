package org.raddiag.dataset.phantom.internal;

import org.raddiag.api.data.Plane;

/**
 * How an image samples the phantom: the world axes (0 = x, 1 = y, 2 = z) of its rows, columns and slices, or for a
 * projection the axis it integrates along.
 */
enum View {
    AXIAL(Plane.AXIAL, 1, 0, 2, false),
    CORONAL(Plane.CORONAL, 2, 0, 1, false),
    FRONTAL(Plane.FRONTAL, 2, 0, 1, true),
    LATERAL(Plane.LATERAL, 2, 1, 0, true);

    final Plane plane;
    final int rowAxis;
    final int colAxis;
    /** Slice axis of a volume; integration axis of a projection. */
    final int depthAxis;
    final boolean projection;

    View(Plane plane, int rowAxis, int colAxis, int depthAxis, boolean projection) {
        this.plane = plane;
        this.rowAxis = rowAxis;
        this.colAxis = colAxis;
        this.depthAxis = depthAxis;
        this.projection = projection;
    }

    /** RP3D {@code plane_projection} text, e.g. {@code Axial}. */
    String label() {
        String n = name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
