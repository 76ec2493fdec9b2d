package org.raddiag.dataset.phantom.internal;

/**
 * Seeded 3-D value noise in [-1, 1]: random values on an integer lattice, blended smoothly in between. Used for
 * tissue texture (lung markings, tumour heterogeneity); deterministic for a seed.
 */
final class Texture {
    private final long seed;

    Texture(long seed) {
        this.seed = seed;
    }

    double at(double x, double y, double z) {
        int xi = (int) Math.floor(x);
        int yi = (int) Math.floor(y);
        int zi = (int) Math.floor(z);
        double fx = smooth(x - xi);
        double fy = smooth(y - yi);
        double fz = smooth(z - zi);
        double c00 = lerp(lattice(xi, yi, zi), lattice(xi + 1, yi, zi), fx);
        double c10 = lerp(lattice(xi, yi + 1, zi), lattice(xi + 1, yi + 1, zi), fx);
        double c01 = lerp(lattice(xi, yi, zi + 1), lattice(xi + 1, yi, zi + 1), fx);
        double c11 = lerp(lattice(xi, yi + 1, zi + 1), lattice(xi + 1, yi + 1, zi + 1), fx);
        return lerp(lerp(c00, c10, fy), lerp(c01, c11, fy), fz);
    }

    private double lattice(int x, int y, int z) {
        long h = SplitMix.mix(seed ^ (x * 0x9E3779B1L) ^ (y * 0x85EBCA77L << 21) ^ (z * 0xC2B2AE3DL << 42));
        return (h >>> 11) * 0x1.0p-52 - 1.0;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
