package org.raddiag.ingest.dicom.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.nio.file.Path;

/** Small Part 10 files written with PixelMed for the tests (no pixel data: only the header matters here). */
final class TestFiles {
    static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    static final String BASIC_TEXT_SR = "1.2.840.10008.5.1.4.1.1.88.11";

    private TestFiles() {
    }

    static Path write(Path file, String sopClass, String study, String series, String sop) throws Exception {
        return write(file, sopClass, study, series, sop, "CT", "P-1", "20240102");
    }

    /** With the modality, PatientID and StudyDate the DICOMweb queries match on. */
    static Path write(Path file, String sopClass, String study, String series, String sop, String modality,
            String patientId, String studyDate) throws Exception {
        AttributeList l = new AttributeList();
        put(l, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), sopClass);
        put(l, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), sop);
        put(l, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), study);
        put(l, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), series);
        put(l, new CodeStringAttribute(TagFromName.Modality), modality);
        put(l, new com.pixelmed.dicom.LongStringAttribute(TagFromName.PatientID), patientId);
        put(l, new com.pixelmed.dicom.DateAttribute(TagFromName.StudyDate), studyDate);
        put(l, new PersonNameAttribute(TagFromName.PatientName), "DOE^JANE");
        FileMetaInformation.addFileMetaInformation(l, TransferSyntax.ExplicitVRLittleEndian, "TEST");
        l.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return file;
    }

    private static void put(AttributeList l, Attribute a, String value) throws Exception {
        a.addValue(value);
        l.put(a);
    }
}
