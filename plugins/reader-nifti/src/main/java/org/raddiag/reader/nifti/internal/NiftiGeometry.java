package org.raddiag.reader.nifti.internal;

/**
 * Voxel spacing and axis directions of a NIfTI image. NIfTI maps voxel (i, j, k) to RAS+ millimetres: by the sform
 * when {@code sform_code > 0}, else by the qform quaternion (with {@code qfac = pixdim[0]}) when
 * {@code qform_code > 0}, else by {@code diag(pixdim)}. A degenerate or non-finite sform falls back to the qform,
 * and a degenerate qform to the identity. Spacing is the length of each voxel axis. The volume's direction is in
 * LPS (DICOM patient space: +x left, +y posterior, +z superior) where NIfTI uses RAS (+x right, +y anterior,
 * +z superior), so the x and y components of each axis are negated: {@code LPS = diag(-1, -1, 1) * RAS}.
 */
final class NiftiGeometry {
    final double[] spacing = new double[3];
    /** 3x3 row-major, axes as columns, LPS. */
    final double[] direction = new double[9];

    NiftiGeometry(NiftiHeader h) {
        double[][] axes = null;
        if (h.sformCode > 0) {
            axes = new double[3][3];
            for (int c = 0; c < 3; c++) {
                for (int r = 0; r < 3; r++) {
                    axes[c][r] = h.srow[r][c];
                }
            }
            if (!usable(axes)) {
                axes = null;
            }
        }
        if (axes == null && h.qformCode > 0) {
            axes = quaternionAxes(h);
            if (!usable(axes)) {
                axes = null;
            }
        }
        if (axes == null) {
            axes = new double[3][3];
            for (int c = 0; c < 3; c++) {
                axes[c][c] = pix(h, c + 1);
            }
        }
        for (int c = 0; c < 3; c++) {
            double n = Math.sqrt(axes[c][0] * axes[c][0] + axes[c][1] * axes[c][1] + axes[c][2] * axes[c][2]);
            spacing[c] = n;
            direction[c] = -axes[c][0] / n;
            direction[3 + c] = -axes[c][1] / n;
            direction[6 + c] = axes[c][2] / n;
        }
    }

    /** Columns of R * diag(dx, dy, qfac * dz) from the quaternion (b, c, d), a = sqrt(1 - b^2 - c^2 - d^2). */
    private static double[][] quaternionAxes(NiftiHeader h) {
        double b = h.quatern[0];
        double c = h.quatern[1];
        double d = h.quatern[2];
        double s = b * b + c * c + d * d;
        double a;
        if (s > 1) {
            double n = Math.sqrt(s);
            b /= n;
            c /= n;
            d /= n;
            a = 0;
        } else {
            a = Math.sqrt(1 - s);
        }
        double[][] r = {
            {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
        double qfac = h.pixdim[0] < 0 ? -1 : 1;
        double[] scale = {pix(h, 1), pix(h, 2), qfac * pix(h, 3)};
        double[][] axes = new double[3][3];
        for (int col = 0; col < 3; col++) {
            for (int row = 0; row < 3; row++) {
                axes[col][row] = r[row][col] * scale[col];
            }
        }
        return axes;
    }

    /** pixdim[i], or 1 where it is not a positive finite number. */
    private static double pix(NiftiHeader h, int i) {
        double p = Math.abs(h.pixdim[i]);
        return p > 0 && Double.isFinite(p) ? p : 1;
    }

    private static boolean usable(double[][] axes) {
        for (double[] a : axes) {
            double n = a[0] * a[0] + a[1] * a[1] + a[2] * a[2];
            if (!(n > 1e-12) || !Double.isFinite(n)) {
                return false;
            }
        }
        return true;
    }
}
