package org.raddiag.dataset.phantom.internal;

import java.util.List;

/** What one disorder put into one case: the shapes it paints over the organs and the lesion centre (the key). */
final class Finding {
    final Disorder disorder;
    final List<Ellipsoid> shapes;
    final double[] centre;

    Finding(Disorder disorder, List<Ellipsoid> shapes, double[] centre) {
        this.disorder = disorder;
        this.shapes = List.copyOf(shapes);
        this.centre = centre.clone();
    }
}
