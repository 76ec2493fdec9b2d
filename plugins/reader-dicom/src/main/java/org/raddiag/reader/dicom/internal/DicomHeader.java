package org.raddiag.reader.dicom.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

/**
 * What the reader needs from one file, read up to (not including) the pixel data: series, image pixel module,
 * geometry and rescale per frame (enhanced multi-frame functional groups first, then the top-level attributes).
 * Holds no patient identifiers.
 */
final class DicomHeader {
    final Path file;
    final String seriesUid;
    final String modality;
    final String transferSyntax;
    final int rows;
    final int columns;
    final int frames;
    final int samplesPerPixel;
    final int bitsAllocated;
    final int bitsStored;
    final boolean signed;
    final String photometric;
    final int instanceNumber;
    final String viewPosition;
    /** Row spacing (between rows, y) and column spacing (x) in mm, or null. */
    final double[] pixelSpacing;
    final double sliceThickness;
    final double spacingBetweenSlices;
    /** Per frame: patient position of the first voxel (null where unknown). */
    final double[][] positions;
    /** Per frame: row and column direction cosines (null where unknown). */
    final double[][] orientations;
    final double[] slopes;
    final double[] intercepts;
    /** Bytes before the pixel data element (where the header read stopped). */
    final long headerLength;
    /** False for objects without an image (structured reports, RT structures, presentation states). */
    final boolean image;

    private DicomHeader(Path file, AttributeList l, long headerLength) throws ReadException {
        this.file = file;
        this.headerLength = headerLength;
        image = l.get(TagFromName.Rows) != null || l.get(TagFromName.Columns) != null;
        seriesUid = string(l, TagFromName.SeriesInstanceUID);
        modality = string(l, TagFromName.Modality);
        String ts = string(l, TagFromName.TransferSyntaxUID);
        transferSyntax = ts.isEmpty() ? TransferSyntaxes.IMPLICIT_LE : ts;
        rows = Attribute.getSingleIntegerValueOrDefault(l, TagFromName.Rows, 0);
        columns = Attribute.getSingleIntegerValueOrDefault(l, TagFromName.Columns, 0);
        frames = Attribute.getSingleIntegerValueOrDefault(l, TagFromName.NumberOfFrames, 1);
        samplesPerPixel = Attribute.getSingleIntegerValueOrDefault(l, TagFromName.SamplesPerPixel, 1);
        bitsAllocated = Attribute.getSingleIntegerValueOrDefault(l, TagFromName.BitsAllocated, 0);
        bitsStored = Attribute.getSingleIntegerValueOrDefault(l, TagFromName.BitsStored, bitsAllocated);
        signed = Attribute.getSingleIntegerValueOrDefault(l, TagFromName.PixelRepresentation, 0) == 1;
        photometric = string(l, TagFromName.PhotometricInterpretation);
        instanceNumber = Attribute.getSingleIntegerValueOrDefault(l, TagFromName.InstanceNumber, 0);
        viewPosition = string(l, TagFromName.ViewPosition);
        if (!image) {
            pixelSpacing = null;
            sliceThickness = Double.NaN;
            spacingBetweenSlices = Double.NaN;
            positions = new double[0][];
            orientations = new double[0][];
            slopes = new double[0];
            intercepts = new double[0];
            return;
        }
        if (rows <= 0 || columns <= 0 || rows > 65535 || columns > 65535) {
            throw new ReadException(file, Reason.CORRUPT, "image size " + columns + "x" + rows + " is invalid");
        }
        if (frames <= 0) {
            throw new ReadException(file, Reason.CORRUPT, "number of frames " + frames + " is invalid");
        }
        AttributeList shared = firstItem(l, TagFromName.SharedFunctionalGroupsSequence);
        Attribute pf = l.get(TagFromName.PerFrameFunctionalGroupsSequence);
        SequenceAttribute perFrame = pf instanceof SequenceAttribute ? (SequenceAttribute) pf : null;
        AttributeList measures = firstItem(shared, TagFromName.PixelMeasuresSequence);
        double[] ps = positive(doubles(measures, TagFromName.PixelSpacing, 2));
        if (ps == null) {
            ps = positive(doubles(l, TagFromName.PixelSpacing, 2));
        }
        pixelSpacing = ps != null ? ps : positive(doubles(l, TagFromName.ImagerPixelSpacing, 2));
        sliceThickness = single(measures, l, TagFromName.SliceThickness);
        spacingBetweenSlices = single(measures, l, TagFromName.SpacingBetweenSlices);
        positions = new double[frames][];
        orientations = new double[frames][];
        slopes = new double[frames];
        intercepts = new double[frames];
        int items = perFrame == null ? 0 : perFrame.getNumberOfItems();
        for (int f = 0; f < frames; f++) {
            AttributeList own = f < items ? perFrame.getItem(f).getAttributeList() : null;
            positions[f] = vector(own, shared, l, TagFromName.PlanePositionSequence,
                    TagFromName.ImagePositionPatient, 3);
            orientations[f] = vector(own, shared, l, TagFromName.PlaneOrientationSequence,
                    TagFromName.ImageOrientationPatient, 6);
            double[] slope = vector(own, shared, l, TagFromName.PixelValueTransformationSequence,
                    TagFromName.RescaleSlope, 1);
            double[] icpt = vector(own, shared, l, TagFromName.PixelValueTransformationSequence,
                    TagFromName.RescaleIntercept, 1);
            slopes[f] = slope == null ? 1 : slope[0];
            intercepts[f] = icpt == null ? 0 : icpt[0];
            if (slopes[f] == 0) {
                throw new ReadException(file, Reason.CORRUPT, "rescale slope is 0");
            }
        }
    }

    /** Reads the header of {@code file}; every problem is a ReadException naming it. */
    static DicomHeader read(Path file) throws ReadException {
        AttributeList l = new AttributeList();
        long length;
        try {
            length = l.read(file.toFile(), TagFromName.PixelData);
        } catch (EOFException e) {
            throw new ReadException(file, Reason.TRUNCATED, "ends inside the DICOM header", e);
        } catch (IOException e) {
            throw new ReadException(file, Reason.IO, "cannot read the DICOM header: " + e.getMessage(), e);
        } catch (DicomException | RuntimeException | Error e) {
            Decoders.rethrowFatal(e);
            throw new ReadException(file, Reason.CORRUPT, "invalid DICOM header: " + e, e);
        }
        return new DicomHeader(file, l, length);
    }

    /** True when frame {@code f} has a position and an orientation. */
    boolean hasGeometry(int f) {
        return positions[f] != null && orientations[f] != null;
    }

    private static String string(AttributeList l, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(l, tag).trim();
    }

    private static AttributeList firstItem(AttributeList l, AttributeTag sequence) {
        if (l == null) {
            return null;
        }
        Attribute a = l.get(sequence);
        if (a instanceof SequenceAttribute && ((SequenceAttribute) a).getNumberOfItems() > 0) {
            return ((SequenceAttribute) a).getItem(0).getAttributeList();
        }
        return null;
    }

    /** {@code tag} from the frame's functional group, the shared group, or the top level, in that order. */
    private static double[] vector(AttributeList own, AttributeList shared, AttributeList top,
            AttributeTag group, AttributeTag tag, int n) {
        double[] v = doubles(firstItem(own, group), tag, n);
        if (v == null) {
            v = doubles(firstItem(shared, group), tag, n);
        }
        return v != null ? v : doubles(top, tag, n);
    }

    private static double[] doubles(AttributeList l, AttributeTag tag, int n) {
        if (l == null || l.get(tag) == null) {
            return null;
        }
        double[] v;
        try {
            v = Attribute.getDoubleValues(l, tag);
        } catch (RuntimeException e) {
            return null;
        }
        if (v == null || v.length != n) {
            return null;
        }
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return null;
            }
        }
        return v;
    }

    private static double[] positive(double[] v) {
        return v != null && v[0] > 0 && v[1] > 0 ? v : null;
    }

    private static double single(AttributeList first, AttributeList second, AttributeTag tag) {
        double[] v = doubles(first, tag, 1);
        if (v == null) {
            v = doubles(second, tag, 1);
        }
        return v != null && v[0] > 0 ? v[0] : Double.NaN;
    }
}
