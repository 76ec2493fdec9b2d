package org.raddiag.core.knowledge;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The class names to embed, in class-index order: a text file with one name per line, or a JSON {@code {name: index}}
 * label dictionary (RP3D's {@code disorder_label_dict.json}) whose indices are 0..n-1, each once. Row {@code i} of
 * the embeddings is then class {@code i}, as the knowledge head expects.
 */
final class LabelsFile {
    private LabelsFile() {
    }

    /** The names; an IOException naming the file, and the line or key, for anything that is not a clean list. */
    static List<String> read(Path file) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such labels file");
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": the labels file is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> names = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? fromDictionary(file, text) : fromLines(file, text);
        if (names.isEmpty()) {
            throw new IOException(file + ": no labels in the file");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer before = seen.putIfAbsent(names.get(i), i);
            if (before != null) {
                throw new IOException(file + ": label '" + names.get(i) + "' appears twice (classes " + before
                        + " and " + i + ")");
            }
        }
        return names;
    }

    private static List<String> fromLines(Path file, String text) throws IOException {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).strip();
            if (name.isEmpty()) {
                throw new IOException(file + " line " + (i + 1) + ": empty label (one name per line)");
            }
            names.add(name);
        }
        return names;
    }

    private static List<String> fromDictionary(Path file, String text) throws IOException {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage());
        }
        if (!root.isJsonObject()) {
            throw new IOException(file + ": a JSON label dictionary must be an object {name: index}");
        }
        JsonObject dict = root.getAsJsonObject();
        String[] names = new String[dict.size()];
        for (Map.Entry<String, JsonElement> e : dict.entrySet()) {
            String name = e.getKey().strip();
            if (name.isEmpty()) {
                throw new IOException(file + ": empty label name (index " + e.getValue() + ")");
            }
            int index = index(file, e.getKey(), e.getValue(), names.length);
            if (names[index] != null) {
                throw new IOException(file + ": index " + index + " is used by both '" + names[index] + "' and '"
                        + name + "'");
            }
            names[index] = name;
        }
        return List.of(names);
    }

    private static int index(Path file, String key, JsonElement v, int size) throws IOException {
        if (v instanceof JsonPrimitive p && p.isNumber()) {
            double d = p.getAsDouble();
            if (d == Math.rint(d) && d >= 0 && d < size) {
                return (int) d;
            }
        }
        throw new IOException(file + ": label '" + key + "' has index " + v + "; indices must be whole numbers 0.."
                + (size - 1) + ", each used once");
    }
}
