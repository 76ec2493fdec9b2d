package org.raddiag.api.data;

import java.util.Arrays;

/**
 * A 3-D image of float voxels, stored slice by slice: voxel (x, y, z) is at {@code (z * height + y) * width + x}.
 * A 2-D image is a volume of depth 1. Values are in physical units after rescale (HU for CT) where the source
 * defines them. Spacing is in millimetres (x, y, z); the direction matrix gives the patient-space (LPS) direction
 * cosines of the x, y and z axes as its three columns, row-major. Immutable apart from the voxel array, which is
 * shared for speed: callers must not modify it.
 */
public record Volume(float[] voxels, int width, int height, int depth, double[] spacing, double[] direction) {
    /**
     * @param voxels    {@code width * height * depth} values, slice by slice, rows within a slice
     * @param spacing   3 positive values (mm), or null for unit spacing
     * @param direction 9 values (3x3 row-major, axes as columns), or null for identity
     */
    public Volume {
        if (width <= 0 || height <= 0 || depth <= 0) {
            throw new IllegalArgumentException("volume shape must be positive: " + width + "x" + height + "x" + depth);
        }
        long n = (long) width * height * depth;
        if (voxels == null || voxels.length != n) {
            throw new IllegalArgumentException("volume " + width + "x" + height + "x" + depth + " needs " + n
                    + " voxels, got " + (voxels == null ? "none" : voxels.length));
        }
        spacing = spacing == null ? new double[] {1, 1, 1} : check(spacing, 3, "spacing");
        direction = direction == null ? new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1} : check(direction, 9, "direction");
    }

    /** A volume with unit spacing and identity orientation. */
    public Volume(float[] voxels, int width, int height, int depth) {
        this(voxels, width, height, depth, null, null);
    }

    private static double[] check(double[] v, int n, String what) {
        if (v.length != n) {
            throw new IllegalArgumentException(what + " needs " + n + " values, got " + v.length);
        }
        for (double d : v) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(what + " has a non-finite value: " + Arrays.toString(v));
            }
        }
        return v.clone();
    }

    @Override
    public double[] spacing() {
        return spacing.clone();
    }

    @Override
    public double[] direction() {
        return direction.clone();
    }

    public float get(int x, int y, int z) {
        return voxels[(z * height + y) * width + x];
    }

    /** Voxels of slice {@code z} as a new array, row by row. */
    public float[] slice(int z) {
        int n = width * height;
        return Arrays.copyOfRange(voxels, z * n, (z + 1) * n);
    }

    /** Minimum, maximum and mean of all voxels. */
    public Statistics statistics() {
        return Statistics.of(voxels);
    }

    @Override
    public String toString() {
        return "Volume[" + width + "x" + height + "x" + depth + ", spacing=" + Arrays.toString(spacing) + "]";
    }
}
