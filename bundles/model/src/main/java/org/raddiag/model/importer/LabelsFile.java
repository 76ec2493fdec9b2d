package org.raddiag.model.importer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Labels in index order from a JSON object {@code {"name": index}} (like the reference's
 * {@code disorder_label_dict.json}; indices must be exactly 0..n-1) or from a text file with one label per line.
 */
final class LabelsFile {
    private LabelsFile() {
    }

    static List<String> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.stripLeading().startsWith("{")) {
            return fromJson(file, text);
        }
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no labels");
        }
        return out;
    }

    private static List<String> fromJson(Path file, String text) throws IOException {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw new IOException(file + ": expected a JSON object {label: index}");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        String[] byIndex = new String[o.size()];
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            JsonElement v = e.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
                throw new IOException(file + ": index of '" + e.getKey() + "' is not a number");
            }
            double d = v.getAsDouble();
            if (d != Math.rint(d) || d < 0 || d >= byIndex.length) {
                throw new IOException(file + ": index " + v + " of '" + e.getKey() + "' is outside 0.."
                        + (byIndex.length - 1));
            }
            int i = (int) d;
            if (byIndex[i] != null) {
                throw new IOException(file + ": index " + i + " is used by both '" + byIndex[i] + "' and '"
                        + e.getKey() + "'");
            }
            byIndex[i] = e.getKey();
        }
        return Arrays.asList(byIndex);
    }
}
