package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * QIDO-RS over the {@link Archive}: studies, the series of a study and the instances of a series, each answered as
 * DICOM JSON with the level's attributes. Matching (PS3.18 8.3.4): single values with {@code *}/{@code ?}
 * wildcards, UID lists, date ranges ({@code 20240101-20241231}, open at either end) and ModalitiesInStudy as any of
 * a list; {@code limit} and {@code offset} page the matches. Keys are keywords or tags ({@code 00100020}); keys this
 * level does not match on are ignored and named in a warning, as the standard allows.
 */
final class Qido {
    enum Level { STUDY, SERIES, INSTANCE }

    private enum Match { WILDCARD, UIDS, DATE, ANY_OF, NONE }

    private record Key(String keyword, String tag, String vr, Match match) {
        AttributeTag attributeTag() {
            return new AttributeTag(Integer.parseInt(tag.substring(0, 4), 16), Integer.parseInt(tag.substring(4), 16));
        }
    }

    /** Per level: keyword, tag, VR and how a query value matches (one key a line of the table). */
    private static final List<Key> STUDY = keys(
            "StudyDate 00080020 DA DATE", "StudyTime 00080030 TM NONE", "AccessionNumber 00080050 SH WILDCARD",
            "ModalitiesInStudy 00080061 CS ANY_OF", "ReferringPhysicianName 00080090 PN WILDCARD",
            "StudyDescription 00081030 LO WILDCARD", "PatientName 00100010 PN WILDCARD",
            "PatientID 00100020 LO WILDCARD", "PatientBirthDate 00100030 DA DATE", "PatientSex 00100040 CS WILDCARD",
            "StudyInstanceUID 0020000D UI UIDS", "StudyID 00200010 SH WILDCARD",
            "NumberOfStudyRelatedSeries 00201206 IS NONE", "NumberOfStudyRelatedInstances 00201208 IS NONE");
    private static final List<Key> SERIES = keys(
            "Modality 00080060 CS WILDCARD", "SeriesDescription 0008103E LO WILDCARD",
            "StudyInstanceUID 0020000D UI NONE", "SeriesInstanceUID 0020000E UI UIDS",
            "SeriesNumber 00200011 IS WILDCARD", "NumberOfSeriesRelatedInstances 00201209 IS NONE");
    private static final List<Key> INSTANCE = keys(
            "SOPClassUID 00080016 UI UIDS", "SOPInstanceUID 00080018 UI UIDS", "StudyInstanceUID 0020000D UI NONE",
            "SeriesInstanceUID 0020000E UI NONE", "InstanceNumber 00200013 IS WILDCARD");
    private static final Set<String> IGNORED = Set.of("includefield", "fuzzymatching");
    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final Pattern DATE_RANGE = Pattern.compile("(\\d{8})?-(\\d{8})?");

    private static List<Key> keys(String... rows) {
        List<Key> out = new ArrayList<>();
        for (String row : rows) {
            String[] c = row.split(" ");
            out.add(new Key(c[0], c[1], c[2], Match.valueOf(c[3])));
        }
        return List.copyOf(out);
    }

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
        Query q = Query.of(params, STUDY);
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
        Query q = Query.of(params, SERIES);
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
        Query q = Query.of(params, INSTANCE);
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

    /** The matching keys of one request, validated. */
    private record Query(List<Key> keys, Map<Key, String> filters, int limit, int offset, List<String> ignored) {
        static Query of(Map<String, String[]> params, List<Key> keys) throws BadQuery {
            Map<Key, String> filters = new LinkedHashMap<>();
            List<String> ignored = new ArrayList<>();
            int limit = Integer.MAX_VALUE;
            int offset = 0;
            for (Map.Entry<String, String[]> p : params.entrySet()) {
                String name = p.getKey();
                String value = p.getValue().length == 0 ? "" : p.getValue()[0];
                if (name.equals("limit")) {
                    limit = count(name, value);
                    continue;
                }
                if (name.equals("offset")) {
                    offset = count(name, value);
                    continue;
                }
                Key key = keys.stream().filter(k -> k.keyword().equals(name) || k.tag().equalsIgnoreCase(name))
                        .findFirst().orElse(null);
                if (key == null || key.match() == Match.NONE || IGNORED.contains(name)) {
                    ignored.add(name);
                    continue;
                }
                if (value.isEmpty()) {
                    continue; // universal matching
                }
                validate(key, value);
                filters.put(key, value);
            }
            return new Query(keys, filters, limit, offset, ignored);
        }

        private static int count(String name, String value) throws BadQuery {
            try {
                int n = Integer.parseInt(value);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new BadQuery(name + "=" + shown(value) + ": not a non-negative integer");
        }

        private static void validate(Key key, String value) throws BadQuery {
            if (key.match() == Match.UIDS) {
                for (String uid : value.split("[,\\\\]")) {
                    if (!Uids.valid(uid.trim())) {
                        throw new BadQuery(key.keyword() + "=" + shown(value) + ": not a UID list (digits and dots)");
                    }
                }
            } else if (key.match() == Match.DATE && !DATE.matcher(value).matches()
                    && !(DATE_RANGE.matcher(value).matches() && value.length() > 1)) {
                throw new BadQuery(key.keyword() + "=" + shown(value) + ": not a date (YYYYMMDD) or date range "
                        + "(YYYYMMDD-YYYYMMDD, open at either end)");
            }
        }

        Result answer(List<Map<String, String>> rows) {
            JsonArray out = new JsonArray();
            int skipped = 0;
            for (Map<String, String> row : rows) {
                if (!filters.entrySet().stream().allMatch(f -> matches(f.getKey(), f.getValue(), row))) {
                    continue;
                }
                if (skipped++ < offset) {
                    continue;
                }
                if (out.size() >= limit) {
                    break;
                }
                out.add(json(row));
            }
            return new Result(out, ignored);
        }

        private JsonObject json(Map<String, String> row) {
            Map<String, JsonObject> byTag = new java.util.TreeMap<>();
            for (Key k : keys) {
                byTag.put(k.tag(), DicomJson.value(k.vr(), row.get(k.keyword())));
            }
            byTag.put("00081190", DicomJson.value("UR", row.get("RetrieveURL")));
            JsonObject o = new JsonObject();
            byTag.forEach(o::add);
            return o;
        }

        private static boolean matches(Key key, String query, Map<String, String> row) {
            String have = row.getOrDefault(key.keyword(), "");
            List<String> values = List.of(have.split("\\\\", -1));
            switch (key.match()) {
                case UIDS:
                    for (String uid : query.split("[,\\\\]")) {
                        if (values.contains(uid.trim())) {
                            return true;
                        }
                    }
                    return false;
                case ANY_OF:
                    for (String v : query.split("[,\\\\]")) {
                        if (values.contains(v.trim().toUpperCase(Locale.ROOT))) {
                            return true;
                        }
                    }
                    return false;
                case DATE:
                    if (!DATE.matcher(have).matches()) {
                        return false;
                    }
                    if (DATE.matcher(query).matches()) {
                        return have.equals(query);
                    }
                    int dash = query.indexOf('-');
                    String from = query.substring(0, dash);
                    String to = query.substring(dash + 1);
                    return (from.isEmpty() || have.compareTo(from) >= 0) && (to.isEmpty() || have.compareTo(to) <= 0);
                default:
                    Pattern p = wildcard(query, key.vr().equals("PN"));
                    return values.stream().anyMatch(v -> p.matcher(v).matches());
            }
        }

        private static Pattern wildcard(String query, boolean ignoreCase) {
            StringBuilder b = new StringBuilder();
            for (char c : query.toCharArray()) {
                b.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            return Pattern.compile(b.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        }

        private static String shown(String value) {
            String s = value.replaceAll("[^\\x20-\\x7e]", "?");
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        }
    }
}
