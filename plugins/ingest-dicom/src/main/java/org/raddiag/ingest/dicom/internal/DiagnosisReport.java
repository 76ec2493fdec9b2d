package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.ContentItem;
import com.pixelmed.dicom.ContentItemFactory;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.StructuredReport;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TimeAttribute;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A diagnosis as a DICOM Comprehensive SR, structured after TID 1500 (Measurement Report) as far as a
 * classification fits it:
 * <pre>
 * CONTAINER (126000, DCM, "Imaging Measurement Report")            TID 1500, DCMR
 *   HAS CONCEPT MOD  CODE  Language of Content = en-US
 *   HAS OBS CONTEXT  CODE  Observer Type = Device; UIDREF Device Observer UID; TEXT Device Observer Name = RadDiag
 *   HAS CONCEPT MOD  CODE  Procedure reported = Radiographic imaging procedure (classification)
 *   CONTAINS CONTAINER (126010, DCM, "Imaging Measurements")
 *     CONTAINS CONTAINER (125007, DCM, "Measurement Group")
 *       HAS OBS CONTEXT TEXT Tracking Identifier = case id
 *       CONTAINS TEXT Algorithm Name / Algorithm Version / Algorithm Parameters (backend, package SHA-256)
 *       CONTAINS IMAGE (99RADDIAG, KEYSLICE, "Most attended slice")   one per scan: the stored instance
 *       CONTAINS CODE  (121071, DCM, "Finding") = (label, 99RADDIAG, label)   one per reported finding
 *         HAS PROPERTIES NUM  (99RADDIAG, PROB, "Probability")      unit (1, UCUM, "no units")
 *         HAS PROPERTIES NUM  (99RADDIAG, THRESH, "Decision threshold")
 *         HAS PROPERTIES CODE (99RADDIAG, RESULT, "Classification result") = SCT Positive / Negative
 * </pre>
 * Disorder labels are coded in the private scheme {@code 99RADDIAG} (code value = the model's label, at most 16
 * characters, else a hash; meaning = the label), since the model's label set is not mapped to SNOMED. Patient and
 * study attributes are copied from an instance of the study; the SR gets new SOP instance and series UIDs
 * ({@code 2.25.} + a random UUID) and the Current Requested Procedure Evidence lists every referenced instance. The
 * Device Observer UID (TID 1004) names the algorithm as the observing device: the same for every report of one
 * model package (a name-based UUID of model, version and package SHA-256 under {@code 2.25.}), so a PACS can tell
 * which model made a finding.
 */
final class DiagnosisReport {
    static final String COMPREHENSIVE_SR = SOPClass.ComprehensiveSRStorage;
    static final String SCHEME = "99RADDIAG";
    /** Copied from the study's instances when present (type 2 attributes are added empty otherwise). */
    private static final AttributeTag[] COPIED = {TagFromName.SpecificCharacterSet, TagFromName.PatientName,
        TagFromName.PatientID, TagFromName.IssuerOfPatientID, TagFromName.PatientBirthDate, TagFromName.PatientSex,
        TagFromName.PatientAge, TagFromName.StudyInstanceUID, TagFromName.StudyDate, TagFromName.StudyTime,
        TagFromName.ReferringPhysicianName, TagFromName.StudyID, TagFromName.AccessionNumber,
        TagFromName.StudyDescription};
    private static final AttributeTag[] TYPE2 = {TagFromName.PatientName, TagFromName.PatientID,
        TagFromName.PatientBirthDate, TagFromName.PatientSex, TagFromName.StudyDate, TagFromName.StudyTime,
        TagFromName.ReferringPhysicianName, TagFromName.StudyID, TagFromName.AccessionNumber};

    final byte[] bytes;
    final String sopInstanceUid;
    final String seriesInstanceUid;

    private DiagnosisReport(byte[] bytes, String sop, String series) {
        this.bytes = bytes;
        this.sopInstanceUid = sop;
        this.seriesInstanceUid = series;
    }

    /** A new UID under 2.25 (UUID as a decimal integer). */
    static String newUid() {
        return uid(UUID.randomUUID());
    }

    /**
     * @param diagnosis the study's diagnosis JSON (model, version, backend, findings, sliceAttention with
     *                  keySliceInstance, packageSha256)
     * @param study     the header of one stored instance of the study (patient and study attributes)
     * @param aeTitle   our AE title (source application of the file)
     */
    static DiagnosisReport of(JsonObject diagnosis, AttributeList study, String aeTitle, ZonedDateTime now)
            throws DicomException, IOException {
        String sop = newUid();
        String series = newUid();
        ContentItemFactory f = new ContentItemFactory();
        ContentItem root = f.makeContainerContentItem(null, null, dcm("126000", "Imaging Measurement Report"), true,
                "DCMR", "1500");
        f.makeCodeContentItem(root, "HAS CONCEPT MOD", dcm("121049", "Language of Content Item and Descendants"),
                new CodedSequenceItem("en-US", "RFC5646", "English (United States)"));
        f.makeCodeContentItem(root, "HAS OBS CONTEXT", dcm("121005", "Observer Type"), dcm("121007", "Device"));
        f.makeUIDContentItem(root, "HAS OBS CONTEXT", dcm("121012", "Device Observer UID"), deviceUid(diagnosis));
        f.makeTextContentItem(root, "HAS OBS CONTEXT", dcm("121013", "Device Observer Name"), "RadDiag");
        f.makeCodeContentItem(root, "HAS CONCEPT MOD", dcm("121058", "Procedure reported"),
                new CodedSequenceItem("363679005", "SCT", "Imaging"));
        ContentItem measurements = f.makeContainerContentItem(root, "CONTAINS", dcm("126010", "Imaging Measurements"),
                true);
        ContentItem group = f.makeContainerContentItem(measurements, "CONTAINS", dcm("125007", "Measurement Group"),
                true);
        f.makeTextContentItem(group, "HAS OBS CONTEXT", dcm("112039", "Tracking Identifier"),
                text(diagnosis, "case", "RadDiag diagnosis"));
        f.makeTextContentItem(group, "CONTAINS", dcm("111001", "Algorithm Name"), text(diagnosis, "model", "?"));
        f.makeTextContentItem(group, "CONTAINS", dcm("111003", "Algorithm Version"), text(diagnosis, "version", "?"));
        f.makeTextContentItem(group, "CONTAINS", dcm("111002", "Algorithm Parameters"),
                "backend=" + text(diagnosis, "backend", "?") + "; packageSha256="
                        + text(diagnosis, "packageSha256", "unknown"));
        Map<String, Map<String, String>> evidence = new TreeMap<>();
        for (JsonElement e : diagnosis.getAsJsonArray("sliceAttention")) {
            JsonElement k = e.getAsJsonObject().get("keySliceInstance");
            if (k == null || !k.isJsonObject()) {
                continue;
            }
            JsonObject ref = k.getAsJsonObject();
            String refSop = ref.get("sopInstanceUid").getAsString();
            String refClass = ref.get("sopClassUid").getAsString();
            int frame = ref.has("frame") ? ref.get("frame").getAsInt() : 0;
            f.makeImageContentItem(group, "CONTAINS", code("KEYSLICE", "Most attended slice"), refClass, refSop,
                    frame, 0, null, null, null, null);
            evidence.computeIfAbsent(ref.get("seriesUid").getAsString(), s -> new LinkedHashMap<>()).put(refSop,
                    refClass);
        }
        for (JsonElement e : diagnosis.getAsJsonArray("findings")) {
            JsonObject x = e.getAsJsonObject();
            String label = x.get("label").getAsString();
            ContentItem finding = f.makeCodeContentItem(group, "CONTAINS", dcm("121071", "Finding"),
                    code(labelCode(label), label));
            f.makeNumericContentItem(finding, "HAS PROPERTIES", code("PROB", "Probability"),
                    number(x.get("probability").getAsDouble()), new CodedSequenceItem("1", "UCUM", "no units"));
            f.makeNumericContentItem(finding, "HAS PROPERTIES", code("THRESH", "Decision threshold"),
                    number(x.get("threshold").getAsDouble()), new CodedSequenceItem("1", "UCUM", "no units"));
            boolean positive = x.get("positive").getAsBoolean();
            f.makeCodeContentItem(finding, "HAS PROPERTIES", code("RESULT", "Classification result"), positive
                    ? new CodedSequenceItem("10828004", "SCT", "Positive")
                    : new CodedSequenceItem("260385009", "SCT", "Negative"));
        }

        AttributeList l = new StructuredReport(root).getAttributeList();
        for (AttributeTag t : COPIED) {
            Attribute a = study.get(t);
            if (a != null) {
                l.put(a);
            }
        }
        for (AttributeTag t : TYPE2) {
            if (l.get(t) == null) {
                l.putNewAttribute(t);
            }
        }
        String date = now.format(DateTimeFormatter.BASIC_ISO_DATE).substring(0, 8);
        String time = now.format(DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT));
        put(l, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), COMPREHENSIVE_SR);
        put(l, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), sop);
        put(l, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), series);
        put(l, new CodeStringAttribute(TagFromName.Modality), "SR");
        put(l, new IntegerStringAttribute(TagFromName.SeriesNumber), "9901");
        put(l, new IntegerStringAttribute(TagFromName.InstanceNumber), "1");
        put(l, new LongStringAttribute(TagFromName.SeriesDescription), "RadDiag AI findings");
        put(l, new LongStringAttribute(TagFromName.Manufacturer), "RadDiag");
        put(l, new LongStringAttribute(TagFromName.ManufacturerModelName), text(diagnosis, "model", "?"));
        put(l, new LongStringAttribute(TagFromName.SoftwareVersions), text(diagnosis, "version", "?"));
        put(l, new DateAttribute(TagFromName.ContentDate), date);
        put(l, new TimeAttribute(TagFromName.ContentTime), time);
        put(l, new DateAttribute(TagFromName.InstanceCreationDate), date);
        put(l, new TimeAttribute(TagFromName.InstanceCreationTime), time);
        put(l, new CodeStringAttribute(TagFromName.CompletionFlag), "COMPLETE");
        put(l, new CodeStringAttribute(TagFromName.VerificationFlag), "UNVERIFIED");
        l.put(new SequenceAttribute(TagFromName.ReferencedPerformedProcedureStepSequence));
        l.put(new SequenceAttribute(TagFromName.PerformedProcedureCodeSequence));
        if (!evidence.isEmpty()) {
            l.put(evidence(Uids.clean(Attribute.getSingleStringValueOrNull(study, TagFromName.StudyInstanceUID)),
                    evidence));
        }
        if (l.get(TagFromName.SpecificCharacterSet) == null) {
            l.insertSuitableSpecificCharacterSetForAllStringValues();
        }
        FileMetaInformation.addFileMetaInformation(l, TransferSyntax.ExplicitVRLittleEndian, aeTitle);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        l.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
        return new DiagnosisReport(out.toByteArray(), sop, series);
    }

    /** The observer UID of the model package that made the diagnosis. */
    static String deviceUid(JsonObject diagnosis) {
        UUID u = UUID.nameUUIDFromBytes(("raddiag-device:" + text(diagnosis, "model", "?") + ":"
                + text(diagnosis, "version", "?") + ":" + text(diagnosis, "packageSha256", "unknown"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return uid(u);
    }

    private static String uid(UUID u) {
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }

    /** Code value for a label: the label itself when it fits a code value (16 characters), else a hash of it. */
    static String labelCode(String label) {
        String s = label.trim();
        return s.length() <= 16 && s.matches("[\\x20-\\x7e&&[^\\\\]]+") ? s : "L" + Uids.hash(s);
    }

    private static SequenceAttribute evidence(String studyUid, Map<String, Map<String, String>> bySeries)
            throws DicomException {
        SequenceAttribute seq = new SequenceAttribute(TagFromName.CurrentRequestedProcedureEvidenceSequence);
        AttributeList studyItem = new AttributeList();
        put(studyItem, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), studyUid);
        SequenceAttribute seriesSeq = new SequenceAttribute(TagFromName.ReferencedSeriesSequence);
        for (Map.Entry<String, Map<String, String>> s : bySeries.entrySet()) {
            AttributeList seriesItem = new AttributeList();
            put(seriesItem, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), s.getKey());
            SequenceAttribute sops = new SequenceAttribute(TagFromName.ReferencedSOPSequence);
            for (Map.Entry<String, String> i : s.getValue().entrySet()) {
                AttributeList sopItem = new AttributeList();
                put(sopItem, new UniqueIdentifierAttribute(TagFromName.ReferencedSOPClassUID), i.getValue());
                put(sopItem, new UniqueIdentifierAttribute(TagFromName.ReferencedSOPInstanceUID), i.getKey());
                sops.addItem(new SequenceItem(sopItem));
            }
            seriesItem.put(sops);
            seriesSeq.addItem(new SequenceItem(seriesItem));
        }
        studyItem.put(seriesSeq);
        seq.addItem(new SequenceItem(studyItem));
        return seq;
    }

    private static CodedSequenceItem dcm(String value, String meaning) throws DicomException {
        return new CodedSequenceItem(value, "DCM", meaning);
    }

    private static CodedSequenceItem code(String value, String meaning) throws DicomException {
        return new CodedSequenceItem(value, SCHEME, meaning.length() > 64 ? meaning.substring(0, 64) : meaning);
    }

    /** A DS value (at most 16 characters). */
    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        return s.length() > 16 ? String.format(Locale.ROOT, "%.6e", v) : s;
    }

    private static String text(JsonObject o, String key, String def) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? def : e.getAsString();
    }

    private static void put(AttributeList l, Attribute a, String value) throws DicomException {
        a.addValue(value);
        l.put(a);
    }
}
