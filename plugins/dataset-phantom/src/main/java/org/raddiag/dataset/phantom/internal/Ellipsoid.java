package org.raddiag.dataset.phantom.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * An axis-aligned ellipsoid painted into the scene: inside it (and, when {@link #within} is set, only where the
 * region painted so far is one of those), the material becomes {@link #material} and the region {@link #region}
 * (null keeps the region). Coordinates: x left to right, y anterior to posterior, z cranial to caudal, the body
 * spanning about [-1, 1] on each axis.
 */
final class Ellipsoid {
    final double[] centre;
    final double[] radii;
    final Material material;
    final Region region;
    final Set<Region> within;
    private final double[] inverse;

    Ellipsoid(double cx, double cy, double cz, double rx, double ry, double rz, Material material, Region region,
            Set<Region> within) {
        if (rx <= 0 || ry <= 0 || rz <= 0) {
            throw new IllegalArgumentException("radii must be positive");
        }
        this.centre = new double[] {cx, cy, cz};
        this.radii = new double[] {rx, ry, rz};
        this.material = material;
        this.region = region;
        this.within = within == null ? null : EnumSet.copyOf(within);
        this.inverse = new double[] {1 / rx, 1 / ry, 1 / rz};
    }

    static Ellipsoid organ(double cx, double cy, double cz, double rx, double ry, double rz, Material m, Region r) {
        return new Ellipsoid(cx, cy, cz, rx, ry, rz, m, r, null);
    }

    static Ellipsoid lesion(double cx, double cy, double cz, double r, Material m, Set<Region> within) {
        return new Ellipsoid(cx, cy, cz, r, r, r, m, null, within);
    }

    /** This ellipsoid with its radii and its offset from {@code origin} multiplied by {@code f}. */
    Ellipsoid scaledAbout(double[] origin, double f) {
        return new Ellipsoid(origin[0] + f * (centre[0] - origin[0]), origin[1] + f * (centre[1] - origin[1]),
                origin[2] + f * (centre[2] - origin[2]), f * radii[0], f * radii[1], f * radii[2], material, region,
                within);
    }

    /** Whether the ellipsoid reaches coordinate {@code v} on {@code axis}. */
    boolean spans(int axis, double v) {
        return Math.abs(v - centre[axis]) <= radii[axis];
    }

    boolean contains(double x, double y, double z) {
        double a = (x - centre[0]) * inverse[0];
        double b = (y - centre[1]) * inverse[1];
        double c = (z - centre[2]) * inverse[2];
        return a * a + b * b + c * c <= 1.0;
    }

    boolean applies(Region current) {
        return within == null || within.contains(current);
    }
}
