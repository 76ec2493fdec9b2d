package org.raddiag.dataset.phantom.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.train.DatasetSource.Split;

/**
 * The {@code dataset.json} manifest, written last: generator format and version, the spec's settings, the label
 * names and split boundaries, cases and class counts per split, and the inventory of the files. A folder whose
 * manifest matches the wanted settings and whose files match the inventory is complete.
 */
final class Manifest {
    static final String FORMAT = "raddiag-phantom";
    /** Bump when the generator's output changes for the same settings. */
    static final int VERSION = 2;

    private Manifest() {
    }

    static JsonObject build(PhantomSpec spec, LabelSet labels, Map<Split, Integer> cases,
            Map<Split, int[]> counts, int images, JsonObject inventory) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("version", VERSION);
        o.add("settings", settings(spec));
        JsonObject lo = new JsonObject();
        lo.add("names", CaseJson.strings(labels.labels()));
        lo.addProperty("headCount", labels.headEnd());
        lo.addProperty("mediumCount", labels.mediumEnd() - labels.headEnd());
        lo.addProperty("tailCount", labels.size() - labels.mediumEnd());
        o.add("labels", lo);
        JsonObject so = new JsonObject();
        for (Split s : Split.values()) {
            JsonObject x = new JsonObject();
            x.addProperty("file", PhantomDescription.caseFileName(s));
            x.addProperty("cases", cases.get(s));
            JsonObject cc = new JsonObject();
            int[] c = counts.get(s);
            for (int i = 0; i < c.length; i++) {
                cc.addProperty(labels.label(i), c[i]);
            }
            x.add("classCounts", cc);
            so.add(name(s), x);
        }
        o.add("splits", so);
        o.addProperty("images", images);
        o.add("files", inventory);
        return o;
    }

    static JsonObject settings(PhantomSpec spec) {
        return CaseJson.GSON.toJsonTree(spec.settings()).getAsJsonObject();
    }

    static String name(Split s) {
        return s == Split.VALIDATION ? "valid" : s.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The manifest of {@code folder}, if present and readable. */
    static Optional<JsonObject> read(Path folder) throws IOException {
        try {
            String text = Files.readString(folder.resolve(PhantomDescription.MANIFEST), StandardCharsets.UTF_8);
            JsonElement e = JsonParser.parseString(text);
            return e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code m} describes a complete dataset of {@code spec} in {@code folder}. */
    static boolean complete(JsonObject m, PhantomSpec spec, Path folder) throws IOException {
        return FORMAT.equals(string(m, "format")) && m.has("version") && m.get("version").getAsInt() == VERSION
                && settings(spec).equals(m.get("settings")) && DatasetFiles.inventory(folder).equals(m.get("files"));
    }

    static PhantomDescription describe(JsonObject m, Path folder, PhantomSpec spec, LabelSet labels,
            boolean generated, long millis) {
        Map<Split, Integer> cases = new EnumMap<>(Split.class);
        Map<Split, int[]> counts = new EnumMap<>(Split.class);
        JsonObject splits = m.getAsJsonObject("splits");
        for (Split s : Split.values()) {
            JsonObject x = splits.getAsJsonObject(name(s));
            cases.put(s, x.get("cases").getAsInt());
            JsonObject cc = x.getAsJsonObject("classCounts");
            int[] c = new int[labels.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = cc.get(labels.label(i)).getAsInt();
            }
            counts.put(s, c);
        }
        return new PhantomDescription(folder, spec, labels, cases, counts, m.get("images").getAsInt(), generated,
                millis);
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
