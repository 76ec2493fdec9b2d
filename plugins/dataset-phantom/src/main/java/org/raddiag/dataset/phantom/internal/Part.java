package org.raddiag.dataset.phantom.internal;

/** Mutable position and size of one organ of a case, jittered per case and changed by some disorders. */
final class Part {
    double cx;
    double cy;
    double cz;
    double rx;
    double ry;
    double rz;

    Part(double cx, double cy, double cz, double rx, double ry, double rz) {
        this.cx = cx;
        this.cy = cy;
        this.cz = cz;
        this.rx = rx;
        this.ry = ry;
        this.rz = rz;
    }

    /** Moves by up to {@code shift} and scales by up to {@code 1 +- scale} on each axis. */
    Part jitter(SplitMix r, double shift, double scale) {
        cx += r.uniform(-shift, shift);
        cy += r.uniform(-shift, shift);
        cz += r.uniform(-shift, shift);
        rx *= 1 + r.uniform(-scale, scale);
        ry *= 1 + r.uniform(-scale, scale);
        rz *= 1 + r.uniform(-scale, scale);
        return this;
    }

    /** Enlarges in-plane by {@code f} and along z by {@code fz}. */
    void enlarge(double f, double fz) {
        rx *= f;
        ry *= f;
        rz *= fz;
    }

    /** A random point inside the ellipsoid shrunk to {@code fraction} of its radii. */
    double[] pointInside(SplitMix r, double fraction) {
        double u;
        double v;
        double w;
        do {
            u = r.uniform(-1, 1);
            v = r.uniform(-1, 1);
            w = r.uniform(-1, 1);
        } while (u * u + v * v + w * w > 1);
        return new double[] {cx + u * rx * fraction, cy + v * ry * fraction, clampZ(cz + w * rz * fraction)};
    }

    static double clampZ(double z) {
        return Math.max(-0.92, Math.min(0.92, z));
    }

    Ellipsoid shape(Material m, Region region) {
        return Ellipsoid.organ(cx, cy, cz, rx, ry, rz, m, region);
    }

    Ellipsoid scaled(double f, Material m, Region region) {
        return Ellipsoid.organ(cx, cy, cz, rx * f, ry * f, rz * f, m, region);
    }
}
