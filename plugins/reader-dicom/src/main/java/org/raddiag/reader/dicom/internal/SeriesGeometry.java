package org.raddiag.reader.dicom.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.raddiag.api.data.Plane;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

/**
 * Orders the slices of a series and derives the volume geometry. Slices with position and orientation are sorted by
 * their distance along the slice normal (row cosine x column cosine, dotted with ImagePositionPatient), never by
 * instance number; mixed orientations and slices sharing a position are refused; uneven gaps give a warning and the
 * mean gap as z spacing. Slices without geometry keep their order (instance number, file, frame) and take
 * SpacingBetweenSlices, else SliceThickness, else 1 mm.
 */
final class SeriesGeometry {
    private static final double ORIENTATION_TOLERANCE = 1e-3;
    private static final double MIN_GAP_MM = 1e-3;

    final List<Slice> ordered;
    /** x, y, z spacing in mm. */
    final double[] spacing;
    /** Direction cosines of x, y, z as columns (LPS), or null when the files carry no orientation. */
    final double[] direction;
    final Plane plane;
    /** Warning for the scan description, or null. */
    final String warning;

    private SeriesGeometry(List<Slice> ordered, double[] spacing, double[] direction, Plane plane, String warning) {
        this.ordered = ordered;
        this.spacing = spacing;
        this.direction = direction;
        this.plane = plane;
        this.warning = warning;
    }

    /** Geometry of {@code slices} (all with, or all without position and orientation). */
    static SeriesGeometry of(Path source, List<Slice> slices) throws ReadException {
        DicomHeader first = slices.get(0).header;
        double[] ps = first.pixelSpacing == null ? new double[] {1, 1} : first.pixelSpacing;
        if (!slices.get(0).header.hasGeometry(slices.get(0).frame)) {
            List<Slice> ordered = new ArrayList<>(slices);
            ordered.sort(Comparator.comparingInt((Slice s) -> s.header.instanceNumber)
                    .thenComparing(s -> s.header.file).thenComparingInt(s -> s.frame));
            double z = Double.isNaN(first.spacingBetweenSlices) ? first.sliceThickness : first.spacingBetweenSlices;
            return new SeriesGeometry(ordered, new double[] {ps[1], ps[0], Double.isNaN(z) ? 1 : z}, null,
                    projectionPlane(first.viewPosition), null);
        }
        double[] o = slices.get(0).orientation();
        double[] row = unit(first.file, o[0], o[1], o[2]);
        double[] col = unit(first.file, o[3], o[4], o[5]);
        if (Math.abs(dot(row, col)) > 1e-2) {
            throw new ReadException(first.file, Reason.CORRUPT, "image orientation " + fmt(o) + " is not orthogonal");
        }
        double[] normal = cross(row, col);
        for (Slice s : slices) {
            if (!s.header.hasGeometry(s.frame)) {
                throw new ReadException(s.header.file, Reason.CORRUPT, "frame " + s.frame + " has no image position "
                        + "or orientation while other slices of the series have them");
            }
            double[] so = s.orientation();
            for (int i = 0; i < 6; i++) {
                if (Math.abs(so[i] - o[i]) > ORIENTATION_TOLERANCE) {
                    throw new ReadException(s.header.file, Reason.UNSUPPORTED, "series mixes slice orientations ("
                            + fmt(o) + " and " + fmt(so) + ", e.g. localizers or radial slices): the slices are not "
                            + "parallel and do not form a volume");
                }
            }
            s.distance = dot(normal, s.position());
        }
        List<Slice> ordered = new ArrayList<>(slices);
        ordered.sort(Comparator.comparingDouble(s -> s.distance));
        double minGap = Double.MAX_VALUE;
        double maxGap = 0;
        for (int i = 1; i < ordered.size(); i++) {
            double gap = ordered.get(i).distance - ordered.get(i - 1).distance;
            if (gap < MIN_GAP_MM) {
                throw new ReadException(ordered.get(i).header.file, Reason.UNSUPPORTED, "two slices share position "
                        + fmt(ordered.get(i).position()) + " (multi-echo, temporal or duplicate images in one series); "
                        + "split the series");
            }
            minGap = Math.min(minGap, gap);
            maxGap = Math.max(maxGap, gap);
        }
        int n = ordered.size();
        double z;
        String warning = null;
        if (n > 1) {
            z = (ordered.get(n - 1).distance - ordered.get(0).distance) / (n - 1);
            if (maxGap - minGap > Math.max(0.01, 0.01 * z)) {
                warning = String.format(Locale.ROOT, "uneven slice gaps %.3f..%.3f mm, mean %.3f mm used", minGap,
                        maxGap, z);
            }
        } else {
            z = Double.isNaN(first.spacingBetweenSlices) ? first.sliceThickness : first.spacingBetweenSlices;
            z = Double.isNaN(z) ? 1 : z;
        }
        double[] direction = {row[0], col[0], normal[0], row[1], col[1], normal[1], row[2], col[2], normal[2]};
        return new SeriesGeometry(ordered, new double[] {ps[1], ps[0], z}, direction, plane(normal), warning);
    }

    /** Axial, coronal or sagittal when the normal is within about 37 degrees of an LPS axis, else oblique. */
    static Plane plane(double[] normal) {
        double x = Math.abs(normal[0]);
        double y = Math.abs(normal[1]);
        double z = Math.abs(normal[2]);
        if (z >= 0.8) {
            return Plane.AXIAL;
        }
        if (y >= 0.8) {
            return Plane.CORONAL;
        }
        return x >= 0.8 ? Plane.SAGITTAL : Plane.OBLIQUE;
    }

    private static Plane projectionPlane(String viewPosition) {
        switch (viewPosition) {
            case "PA": case "AP": return Plane.FRONTAL;
            case "LL": case "RL": case "LAT": case "LLD": case "RLD": return Plane.LATERAL;
            default: return Plane.UNKNOWN;
        }
    }

    private static double[] unit(Path source, double x, double y, double z) throws ReadException {
        double len = Math.sqrt(x * x + y * y + z * z);
        if (len < 0.5 || len > 1.5) {
            throw new ReadException(source, Reason.CORRUPT, "image orientation has a direction of length " + len);
        }
        return new double[] {x / len, y / len, z / len};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static String fmt(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", v[i]));
        }
        return b.append(']').toString();
    }
}
