package org.raddiag.core.registry;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code model.json} to and from {@link PackageManifest}. Parsing checks the schema and names the first problem
 * by its JSON path ({@code missing field 'weights.sha256'}, {@code 'input.depth' must be an integer}, ...).
 * When {@code thresholds} is a file name its values are not read here: the manifest carries an empty array.
 */
final class ManifestJson {
    private ManifestJson() {
    }

    static String write(PackageManifest m) {
        JsonObject o = new JsonObject();
        o.addProperty("format_version", m.formatVersion());
        o.addProperty("name", m.name());
        o.addProperty("version", m.version());
        o.add("architecture", strings(m.architecture()));
        JsonObject in = new JsonObject();
        in.addProperty("image_size", m.input().imageSize());
        in.addProperty("depth", m.input().depth());
        in.addProperty("slots", m.input().slots());
        JsonArray range = new JsonArray();
        range.add(m.input().valueMin());
        range.add(m.input().valueMax());
        in.add("value_range", range);
        o.add("input", in);
        JsonObject labels = new JsonObject();
        labels.addProperty("name", m.labelSetName());
        labels.addProperty("file", m.labelsFile());
        labels.addProperty("head", m.head());
        labels.addProperty("medium", m.medium());
        labels.addProperty("tail", m.tail());
        o.add("labels", labels);
        if (m.thresholdsFile() != null) {
            o.addProperty("thresholds", m.thresholdsFile());
        } else {
            JsonArray t = new JsonArray();
            for (double v : m.thresholds()) {
                t.add(v);
            }
            o.add("thresholds", t);
        }
        o.add("provenance", strings(m.provenance()));
        JsonObject w = new JsonObject();
        w.addProperty("file", m.weightsFile());
        w.addProperty("sha256", m.weightsSha256());
        o.add("weights", w);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n";
    }

    /** Parses and checks the schema; throws {@link IllegalArgumentException} naming the first problem. */
    static PackageManifest parse(String json) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("model.json is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("model.json is not a JSON object");
        }
        JsonObject o = root.getAsJsonObject();
        int format = integer(o, "format_version", "");
        if (format != PackageManifest.FORMAT_VERSION) {
            throw new IllegalArgumentException("format_version " + format + " is not supported (this runtime reads "
                    + PackageManifest.FORMAT_VERSION + ")");
        }
        JsonObject in = object(o, "input", "");
        JsonArray range = array(in, "value_range", "input.");
        if (range.size() != 2 || !isNumber(range.get(0)) || !isNumber(range.get(1))) {
            throw new IllegalArgumentException("'input.value_range' must be [min, max]");
        }
        InputSpec input = new InputSpec(integer(in, "image_size", "input."), integer(in, "depth", "input."),
                integer(in, "slots", "input."), range.get(0).getAsDouble(), range.get(1).getAsDouble());
        JsonObject labels = object(o, "labels", "");
        JsonObject weights = object(o, "weights", "");
        String sha = string(weights, "sha256", "weights.");
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("'weights.sha256' must be 64 lower-case hex digits");
        }
        JsonElement t = require(o, "thresholds", "");
        String thresholdsFile = null;
        double[] thresholds = new double[0];
        if (t.isJsonPrimitive() && t.getAsJsonPrimitive().isString()) {
            thresholdsFile = fileName(t.getAsString(), "thresholds");
        } else if (t.isJsonArray()) {
            JsonArray a = t.getAsJsonArray();
            thresholds = new double[a.size()];
            for (int i = 0; i < a.size(); i++) {
                if (!isNumber(a.get(i))) {
                    throw new IllegalArgumentException("'thresholds[" + i + "]' is not a number");
                }
                thresholds[i] = a.get(i).getAsDouble();
            }
        } else {
            throw new IllegalArgumentException("'thresholds' must be a file name or an array of numbers");
        }
        return new PackageManifest(format, string(o, "name", ""), string(o, "version", ""),
                stringMap(object(o, "architecture", ""), "architecture"), input, string(labels, "name", "labels."),
                fileName(string(labels, "file", "labels."), "labels.file"), integer(labels, "head", "labels."),
                integer(labels, "medium", "labels."), integer(labels, "tail", "labels."), thresholdsFile, thresholds,
                stringMap(object(o, "provenance", ""), "provenance"),
                fileName(string(weights, "file", "weights."), "weights.file"), sha);
    }

    private static JsonObject strings(Map<String, String> m) {
        JsonObject o = new JsonObject();
        m.forEach(o::addProperty);
        return o;
    }

    private static Map<String, String> stringMap(JsonObject o, String path) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (!e.getValue().isJsonPrimitive()) {
                throw new IllegalArgumentException("'" + path + "." + e.getKey() + "' must be a string or number");
            }
            m.put(e.getKey(), e.getValue().getAsString());
        }
        return m;
    }

    private static String fileName(String name, String path) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            throw new IllegalArgumentException("'" + path + "' must be a plain file name inside the package, not '"
                    + name + "'");
        }
        return name;
    }

    private static JsonElement require(JsonObject o, String key, String prefix) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing field '" + prefix + key + "'");
        }
        return e;
    }

    private static JsonObject object(JsonObject o, String key, String prefix) {
        JsonElement e = require(o, key, prefix);
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("'" + prefix + key + "' must be an object");
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonObject o, String key, String prefix) {
        JsonElement e = require(o, key, prefix);
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException("'" + prefix + key + "' must be an array");
        }
        return e.getAsJsonArray();
    }

    private static String string(JsonObject o, String key, String prefix) {
        JsonElement e = require(o, key, prefix);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
            throw new IllegalArgumentException("'" + prefix + key + "' must be a non-empty string");
        }
        return e.getAsString();
    }

    private static int integer(JsonObject o, String key, String prefix) {
        JsonElement e = require(o, key, prefix);
        if (!isNumber(e)) {
            throw new IllegalArgumentException("'" + prefix + key + "' must be an integer");
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + prefix + key + "' must be an integer, not " + e);
        }
        return (int) d;
    }

    private static boolean isNumber(JsonElement e) {
        return e.isJsonPrimitive() && ((JsonPrimitive) e).isNumber();
    }
}
