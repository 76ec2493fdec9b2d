package org.raddiag.ingest.dicom.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the header of a Part 10 file (meta header and data set up to the pixel data, which is skipped). */
final class InstanceHeader {
    private InstanceHeader() {
    }

    /**
     * @throws IllegalArgumentException when a UID is missing or invalid, or the data set's SOP Instance UID is not
     *                                  the one the sender announced (kept in the meta header)
     */
    static InstanceIds read(Path file) throws IOException, DicomException {
        AttributeList list = attributes(file);
        String sop = value(list, TagFromName.SOPInstanceUID);
        String announced = value(list, TagFromName.MediaStorageSOPInstanceUID);
        if (announced != null && !announced.isEmpty() && !announced.equals(sop)) {
            throw new IllegalArgumentException("the data set's SOPInstanceUID differs from the C-STORE request's");
        }
        return new InstanceIds(value(list, TagFromName.StudyInstanceUID), value(list, TagFromName.SeriesInstanceUID),
                sop, value(list, TagFromName.SOPClassUID));
    }

    /** The meta header and data set of a stored Part 10 file up to its pixel data (the one header reader here). */
    static AttributeList attributes(Path file) throws IOException {
        AttributeList list = new AttributeList();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                DicomInputStream din = new DicomInputStream(in)) {
            list.read(din, TagFromName.PixelData);
        } catch (DicomException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
        return list;
    }

    private static String value(AttributeList list, com.pixelmed.dicom.AttributeTag tag) {
        return Uids.clean(Attribute.getSingleStringValueOrNull(list, tag));
    }
}
