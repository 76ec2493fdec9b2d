package org.raddiag.dataset.phantom.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The shapes of one case as one modality sees them (organs, then the findings visible in that modality), in paint
 * order, with the case's texture. {@link #material} finds the tissue at a point among candidate shapes.
 */
final class Scene {
    final List<Ellipsoid> shapes;
    final Texture texture;

    Scene(List<Ellipsoid> shapes, Texture texture) {
        this.shapes = List.copyOf(shapes);
        this.texture = texture;
    }

    /** The shapes that reach coordinate {@code v} on {@code axis}, in paint order. */
    static List<Ellipsoid> spanning(List<Ellipsoid> shapes, int axis, double v) {
        List<Ellipsoid> out = new ArrayList<>();
        for (Ellipsoid e : shapes) {
            if (e.spans(axis, v)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Tissue at (x, y, z) given the candidate shapes in paint order; air outside the body. */
    static Material material(Ellipsoid[] candidates, double x, double y, double z) {
        Material m = Material.AIR;
        Region r = Region.OUTSIDE;
        for (Ellipsoid e : candidates) {
            if (e.applies(r) && e.contains(x, y, z)) {
                m = e.material;
                if (e.region != null) {
                    r = e.region;
                }
            }
        }
        return m;
    }

    /** Texture offset of {@code m} at a point, in the material's units (HU). */
    double texture(Material m, double x, double y, double z) {
        if (m.texture == 0) {
            return 0;
        }
        double f = m.frequency;
        return m.texture * texture.at(x * f + m.ordinal() * 17.0, y * f, z * f);
    }
}
