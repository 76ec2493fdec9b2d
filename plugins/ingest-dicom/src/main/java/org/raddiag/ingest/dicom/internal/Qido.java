package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonArray;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.raddiag.ingest.dicom.internal.QidoQuery.Key;

/**
 * QIDO-RS over the {@link Archive}: studies, the series of a study and the instances of a series, each answered as
 * DICOM JSON with the level's attributes. Matching (PS3.18 8.3.4): single values with {@code *}/{@code ?}
 * wildcards, UID lists, date ranges ({@code 20240101-20241231}, open at either end) and ModalitiesInStudy as any of
 * a list; {@code limit} and {@code offset} page the matches. Keys are keywords or tags ({@code 00100020}); keys this
 * level does not match on are ignored and named in a warning, as the standard allows.
 */
final class Qido {
    enum Level { STUDY, SERIES, INSTANCE }

    /** Per level: keyword, tag, VR and how a query value matches (one key a line of the table). */
    private static final List<Key> STUDY = QidoQuery.keys(
            "StudyDate 00080020 DA DATE", "StudyTime 00080030 TM NONE", "AccessionNumber 00080050 SH WILDCARD",
            "ModalitiesInStudy 00080061 CS ANY_OF", "ReferringPhysicianName 00080090 PN WILDCARD",
            "StudyDescription 00081030 LO WILDCARD", "PatientName 00100010 PN WILDCARD",
            "PatientID 00100020 LO WILDCARD", "PatientBirthDate 00100030 DA DATE", "PatientSex 00100040 CS WILDCARD",
            "StudyInstanceUID 0020000D UI UIDS", "StudyID 00200010 SH WILDCARD",
            "NumberOfStudyRelatedSeries 00201206 IS NONE", "NumberOfStudyRelatedInstances 00201208 IS NONE");
    private static final List<Key> SERIES = QidoQuery.keys(
            "Modality 00080060 CS WILDCARD", "SeriesDescription 0008103E LO WILDCARD",
            "StudyInstanceUID 0020000D UI NONE", "SeriesInstanceUID 0020000E UI UIDS",
            "SeriesNumber 00200011 IS WILDCARD", "NumberOfSeriesRelatedInstances 00201209 IS NONE");
    private static final List<Key> INSTANCE = QidoQuery.keys(
            "SOPClassUID 00080016 UI UIDS", "SOPInstanceUID 00080018 UI UIDS", "StudyInstanceUID 0020000D UI NONE",
            "SeriesInstanceUID 0020000E UI NONE", "InstanceNumber 00200013 IS WILDCARD");

    /** A bad query: answered 400 with the message. */
    static final class BadQuery extends Exception {
        private static final long serialVersionUID = 1L;

        BadQuery(String message) {
            super(message);
        }
    }

    /** The matches of a query (one JSON object each) and the keys it ignored. */
    record Result(JsonArray matches, List<String> ignored) {
    }

    private final Archive archive;
    private final String retrieveBase;

    /** @param retrieveBase the absolute URL of {@code /dicomweb}, for the RetrieveURL attributes */
    Qido(Archive archive, String retrieveBase) {
        this.archive = archive;
        this.retrieveBase = retrieveBase;
    }

    /** {@code GET /studies}. */
    Result studies(Map<String, String[]> params) throws BadQuery, IOException {
        QidoQuery q = QidoQuery.of(params, STUDY);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String study : archive.studies()) {
            Map<String, List<Path>> series = archive.series(study);
            if (!series.isEmpty()) {
                rows.add(studyRow(study, series));
            }
        }
        return q.answer(rows);
    }

    /** {@code GET /studies/{study}/series}; null when the study is unknown. */
    Result series(String study, Map<String, String[]> params) throws BadQuery, IOException {
        QidoQuery q = QidoQuery.of(params, SERIES);
        Map<String, List<Path>> series = archive.series(study);
        if (series.isEmpty()) {
            return null;
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<Path>> s : series.entrySet()) {
            Map<String, String> row = row(InstanceHeader.attributes(s.getValue().get(0)), SERIES);
            row.put("NumberOfSeriesRelatedInstances", Integer.toString(s.getValue().size()));
            row.put("SeriesInstanceUID", s.getKey());
            row.put("StudyInstanceUID", study);
            row.put("RetrieveURL", retrieveBase + "/studies/" + study + "/series/" + s.getKey());
            rows.add(row);
        }
        return q.answer(rows);
    }

    /** {@code GET /studies/{study}/series/{series}/instances}; null when the series is unknown. */
    Result instances(String study, String seriesUid, Map<String, String[]> params) throws BadQuery, IOException {
        QidoQuery q = QidoQuery.of(params, INSTANCE);
        List<Path> files = archive.series(study).get(seriesUid);
        if (files == null) {
            return null;
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Path f : files) {
            Map<String, String> row = row(InstanceHeader.attributes(f), INSTANCE);
            row.put("RetrieveURL", retrieveBase + "/studies/" + study + "/series/" + seriesUid + "/instances/"
                    + row.get("SOPInstanceUID"));
            rows.add(row);
        }
        return q.answer(rows);
    }

    private Map<String, String> studyRow(String study, Map<String, List<Path>> series) throws IOException {
        Map<String, String> row = null;
        Set<String> modalities = new LinkedHashSet<>();
        int instances = 0;
        for (List<Path> files : series.values()) {
            AttributeList h = InstanceHeader.attributes(files.get(0));
            if (row == null) {
                row = row(h, STUDY);
            }
            String m = Attribute.getSingleStringValueOrEmptyString(h, com.pixelmed.dicom.TagFromName.Modality).trim();
            if (!m.isEmpty()) {
                modalities.add(m);
            }
            instances += files.size();
        }
        row.put("StudyInstanceUID", study);
        row.put("ModalitiesInStudy", String.join("\\", modalities));
        row.put("NumberOfStudyRelatedSeries", Integer.toString(series.size()));
        row.put("NumberOfStudyRelatedInstances", Integer.toString(instances));
        row.put("RetrieveURL", retrieveBase + "/studies/" + study);
        return row;
    }

    private static Map<String, String> row(AttributeList h, List<Key> keys) {
        Map<String, String> row = new LinkedHashMap<>();
        for (Key k : keys) {
            row.put(k.keyword(), Attribute.getDelimitedStringValuesOrEmptyString(h, k.attributeTag()).trim());
        }
        return row;
    }
}
