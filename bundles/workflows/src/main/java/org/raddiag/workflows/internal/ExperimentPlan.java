package org.raddiag.workflows.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.raddiag.api.model.ArchitectureConfig;

/**
 * An experiment plan ({@code experiment PLAN.json}): one dataset, the trainer, settings shared by all variants and
 * the variants, each a name and what it changes (shorthands {@code backbone}, {@code head}, {@code fusion} name
 * plugins; {@code settings} are {@code train --set} settings, so any setting a trainer or plugin understands
 * plugs in unchanged). Numbers are written in one spelling ({@code 1e-3} as {@code 0.001}, {@code 2.0} as
 * {@code 2}).
 *
 * <pre>
 * {"dataset": "phantom", "datasetOptions": {"cases": "24,8,8"}, "trainer": "djl", "bootstrap": 200,
 *  "settings": {"epochs": 1, "image_size": 32},
 *  "variants": [{"name": "mlp", "head": "mlp"}, {"name": "vit", "backbone": "vit", "settings": {"vit.dim": 32}}]}
 * </pre>
 *
 * @param variants  in run order, each with its complete settings (shared ones overridden by its own)
 * @param bootstrap bootstrap resamples of the comparison's intervals
 */
record ExperimentPlan(Path file, String dataset, Map<String, String> datasetOptions, String trainer, int bootstrap,
        List<Variant> variants) {
    private static final Set<String> TOP = Set.of("description", "dataset", "datasetOptions", "trainer", "bootstrap",
            "settings", "variants");
    private static final Set<String> VARIANT = Set.of("name", "description", ArchitectureConfig.BACKBONE,
            ArchitectureConfig.HEAD, ArchitectureConfig.FUSION, "settings");

    /** One variant: a name usable as a folder name, and its settings. */
    record Variant(String name, Map<String, String> settings) {
    }

    /**
     * Reads and checks a plan.
     *
     * @throws IllegalArgumentException naming the file and the field that is missing, unknown or malformed
     * @throws IOException when the file cannot be read
     */
    static ExperimentPlan read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such plan file");
        }
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(file + ": a plan is a JSON object {\"dataset\": ..., \"variants\":"
                        + " [...]}");
            }
            root = e.getAsJsonObject();
        } catch (com.google.gson.JsonParseException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + e.getMessage());
        }
        unknown(file, root, TOP, "");
        String dataset = string(file, root, "dataset", true);
        Map<String, String> options = strings(file, root, "datasetOptions");
        String trainer = string(file, root, "trainer", false);
        int bootstrap = 200;
        if (root.has("bootstrap")) {
            JsonElement b = root.get("bootstrap");
            if (!b.isJsonPrimitive() || !b.getAsJsonPrimitive().isNumber() || b.getAsDouble() != (int) b.getAsDouble()
                    || b.getAsInt() < 1) {
                throw new IllegalArgumentException(file + ": field 'bootstrap' must be a positive whole number of"
                        + " resamples, not " + b);
            }
            bootstrap = b.getAsInt();
        }
        Map<String, String> shared = strings(file, root, "settings");
        if (!root.has("variants") || !root.get("variants").isJsonArray() || root.getAsJsonArray("variants").isEmpty()) {
            throw new IllegalArgumentException(file + ": field 'variants' must be a non-empty array of variants"
                    + " {\"name\": ..., \"head\": ..., \"settings\": {...}}");
        }
        List<Variant> variants = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        for (JsonElement e : root.getAsJsonArray("variants")) {
            String at = "variants[" + i++ + "]";
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(file + ": field '" + at + "' must be an object");
            }
            JsonObject v = e.getAsJsonObject();
            unknown(file, v, VARIANT, at + ".");
            String name = string(file, v, "name", true, at + ".");
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw new IllegalArgumentException(file + ": field '" + at + ".name' (" + name + ") must be 1-64"
                        + " letters, digits, '.', '_' or '-' (it names the variant's folder)");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(file + ": field '" + at + ".name': a second variant called '"
                        + name + "'");
            }
            Map<String, String> settings = new LinkedHashMap<>(shared);
            for (String k : List.of(ArchitectureConfig.BACKBONE, ArchitectureConfig.HEAD, ArchitectureConfig.FUSION)) {
                String p = string(file, v, k, false, at + ".");
                if (p != null) {
                    settings.put(k, p);
                }
            }
            settings.putAll(strings(file, v, "settings", at + "."));
            variants.add(new Variant(name, settings));
        }
        return new ExperimentPlan(file, dataset, options, trainer, bootstrap, variants);
    }

    /** A number in one spelling ({@code 1e-3} and {@code 0.001} are one setting; {@code 2.0} is {@code 2}). */
    private static String number(JsonPrimitive p) {
        try {
            return new java.math.BigDecimal(p.getAsString()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return p.getAsString();
        }
    }

    private static void unknown(Path file, JsonObject o, Set<String> known, String prefix) {
        for (String k : o.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(file + ": unknown field '" + prefix + k + "' (known: "
                        + new java.util.TreeSet<>(known) + ")");
            }
        }
    }

    private static String string(Path file, JsonObject o, String key, boolean required) {
        return string(file, o, key, required, "");
    }

    private static String string(Path file, JsonObject o, String key, boolean required, String prefix) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            if (required) {
                throw new IllegalArgumentException(file + ": field '" + prefix + key + "' is missing");
            }
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
            throw new IllegalArgumentException(file + ": field '" + prefix + key + "' must be a non-empty string, not "
                    + e);
        }
        return e.getAsString().strip();
    }

    private static Map<String, String> strings(Path file, JsonObject o, String key) {
        return strings(file, o, key, "");
    }

    /** An object of settings: values strings, numbers or booleans (written as {@code --set} would take them). */
    private static Map<String, String> strings(Path file, JsonObject o, String key, String prefix) {
        Map<String, String> m = new LinkedHashMap<>();
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return m;
        }
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException(file + ": field '" + prefix + key + "' must be an object {\"key\":"
                    + " value}");
        }
        for (Map.Entry<String, JsonElement> s : e.getAsJsonObject().entrySet()) {
            JsonElement v = s.getValue();
            if (s.getKey().isBlank() || !v.isJsonPrimitive()) {
                throw new IllegalArgumentException(file + ": field '" + prefix + key + "." + s.getKey() + "' must be a"
                        + " string, number or boolean, not " + v);
            }
            JsonPrimitive p = v.getAsJsonPrimitive();
            m.put(s.getKey(), p.isNumber() ? number(p) : p.getAsString());
        }
        return m;
    }
}
