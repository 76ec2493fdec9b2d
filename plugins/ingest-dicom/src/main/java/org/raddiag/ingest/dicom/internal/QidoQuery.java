package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pixelmed.dicom.AttributeTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The matching keys of one {@link Qido} request, validated, and its answer over the rows of a level (PS3.18 8.3.4:
 * wildcards, UID lists, date ranges, any-of lists; {@code limit} and {@code offset}).
 */
record QidoQuery(List<Key> keys, Map<Key, String> filters, int limit, int offset, List<String> ignored) {
    private static final Set<String> IGNORED = Set.of("includefield", "fuzzymatching");
    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final Pattern DATE_RANGE = Pattern.compile("(\\d{8})?-(\\d{8})?");

    /** How a query value matches an attribute. */
    enum Match { WILDCARD, UIDS, DATE, ANY_OF, NONE }

    /** A key of a level: keyword, tag, VR and how a query value matches. */
    record Key(String keyword, String tag, String vr, Match match) {
        AttributeTag attributeTag() {
            return new AttributeTag(Integer.parseInt(tag.substring(0, 4), 16), Integer.parseInt(tag.substring(4), 16));
        }
    }

    /** Keys from table rows {@code "keyword tag VR match"}. */
    static List<Key> keys(String... rows) {
        List<Key> out = new ArrayList<>();
        for (String row : rows) {
            String[] c = row.split(" ");
            out.add(new Key(c[0], c[1], c[2], Match.valueOf(c[3])));
        }
        return List.copyOf(out);
    }

    static QidoQuery of(Map<String, String[]> params, List<Key> keys) throws Qido.BadQuery {
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
        return new QidoQuery(keys, filters, limit, offset, ignored);
    }

    private static int count(String name, String value) throws Qido.BadQuery {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Qido.BadQuery(name + "=" + shown(value) + ": not a non-negative integer");
    }

    private static void validate(Key key, String value) throws Qido.BadQuery {
        if (key.match() == Match.UIDS) {
            for (String uid : value.split("[,\\\\]")) {
                if (!Uids.valid(uid.trim())) {
                    throw new Qido.BadQuery(key.keyword() + "=" + shown(value) + ": not a UID list (digits and dots)");
                }
            }
        } else if (key.match() == Match.DATE && !DATE.matcher(value).matches()
                && !(DATE_RANGE.matcher(value).matches() && value.length() > 1)) {
            throw new Qido.BadQuery(key.keyword() + "=" + shown(value) + ": not a date (YYYYMMDD) or date range "
                    + "(YYYYMMDD-YYYYMMDD, open at either end)");
        }
    }

    Qido.Result answer(List<Map<String, String>> rows) {
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
        return new Qido.Result(out, ignored);
    }

    private JsonObject json(Map<String, String> row) {
        Map<String, JsonObject> byTag = new TreeMap<>();
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
