package org.raddiag.reader.dicom.internal;

/** One frame of one file: a slice of a series, with its distance along the slice normal once sorted. */
final class Slice {
    final DicomHeader header;
    final int frame;
    double distance;

    Slice(DicomHeader header, int frame) {
        this.header = header;
        this.frame = frame;
    }

    double[] position() {
        return header.positions[frame];
    }

    double[] orientation() {
        return header.orientations[frame];
    }
}
