package org.raddiag.knowledge.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The knowledge the encoder is pre-trained on: disorder names with their ICD-10 three-character code, and each
 * code's block and chapter from the ICD-10 hierarchy. Disorders are sorted by name, so indices are stable.
 *
 * @param names   disorder names, sorted
 * @param codes   ICD-10 three-character code of each disorder
 * @param blocks  the block (e.g. {@code I60-I69}) of each disorder's code
 * @param chapters the chapter (e.g. {@code I00-I99}) of each disorder's code
 */
public record IcdKnowledge(List<String> names, List<String> codes, List<String> blocks, List<String> chapters) {
    /** The map of the 5,569 RP3D disorders to ICD-10 codes, shipped in this bundle (MIT, see LICENSE.upstream). */
    static final String DICT_RESOURCE = "/knowledge/ICD_dict_1218.json";
    /** The ICD-10 hierarchy (chapter -> block -> code -> sub-codes), shipped in this bundle. */
    static final String HIERARCHY_RESOURCE = "/knowledge/train_icd_level.json";

    public IcdKnowledge {
        names = List.copyOf(names);
        codes = List.copyOf(codes);
        blocks = List.copyOf(blocks);
        chapters = List.copyOf(chapters);
    }

    /** Number of disorders. */
    public int size() {
        return names.size();
    }

    /** The shipped files. */
    static IcdKnowledge bundled() throws IOException {
        try (InputStream d = resource(DICT_RESOURCE); InputStream h = resource(HIERARCHY_RESOURCE)) {
            return parse(d, "ICD_dict_1218.json (bundled)", h, "train_icd_level.json (bundled)");
        }
    }

    /** User files in the same formats (a newer map or hierarchy). */
    static IcdKnowledge read(Path dict, Path hierarchy) throws IOException {
        try (InputStream d = Files.newInputStream(dict); InputStream h = Files.newInputStream(hierarchy)) {
            return parse(d, dict.toString(), h, hierarchy.toString());
        }
    }

    /**
     * Parses {@code {disorder: code}} and {@code {chapter: {block: {code: {...}}}}}; every code of the map must be
     * in the hierarchy. Errors name the file and the entry.
     */
    static IcdKnowledge parse(InputStream dict, String dictName, InputStream hierarchy, String hierarchyName)
            throws IOException {
        Map<String, String[]> parents = new HashMap<>();
        for (Map.Entry<String, JsonElement> chapter : object(hierarchy, hierarchyName).entrySet()) {
            if (!chapter.getValue().isJsonObject()) {
                throw new IOException(hierarchyName + ": chapter " + chapter.getKey() + " is not an object");
            }
            for (Map.Entry<String, JsonElement> block : chapter.getValue().getAsJsonObject().entrySet()) {
                if (!block.getValue().isJsonObject()) {
                    throw new IOException(hierarchyName + ": block " + block.getKey() + " is not an object");
                }
                for (String code : block.getValue().getAsJsonObject().keySet()) {
                    parents.put(code, new String[] {block.getKey(), chapter.getKey()});
                }
            }
        }
        TreeMap<String, String> byName = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : object(dict, dictName).entrySet()) {
            String name = e.getKey().replace('\u00a0', ' ').trim();
            JsonElement v = e.getValue();
            if (name.isEmpty()) {
                throw new IOException(dictName + ": an empty disorder name");
            }
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString() || v.getAsString().isBlank()) {
                throw new IOException(dictName + ": disorder '" + name + "' has no ICD-10 code string");
            }
            String previous = byName.put(name, v.getAsString().trim());
            if (previous != null && !previous.equals(v.getAsString().trim())) {
                throw new IOException(dictName + ": disorder '" + name + "' is mapped to both " + previous + " and "
                        + v.getAsString().trim());
            }
        }
        if (byName.size() < 2) {
            throw new IOException(dictName + ": needs at least 2 disorders, has " + byName.size());
        }
        List<String> names = new ArrayList<>(byName.size());
        List<String> codes = new ArrayList<>(byName.size());
        List<String> blocks = new ArrayList<>(byName.size());
        List<String> chapters = new ArrayList<>(byName.size());
        for (Map.Entry<String, String> e : byName.entrySet()) {
            String[] p = parents.get(e.getValue());
            if (p == null) {
                throw new IOException(dictName + ": code " + e.getValue() + " of '" + e.getKey() + "' is not in "
                        + hierarchyName);
            }
            names.add(e.getKey());
            codes.add(e.getValue());
            blocks.add(p[0]);
            chapters.add(p[1]);
        }
        return new IcdKnowledge(names, codes, blocks, chapters);
    }

    /**
     * {@code n} disorders made of whole codes in a seeded order (the last code cut to fit), sorted by name again;
     * this knowledge itself when {@code n} is 0 or not smaller than its size.
     */
    IcdKnowledge sample(int n, long seed) {
        if (n <= 0 || n >= size()) {
            return this;
        }
        Map<String, List<Integer>> byCode = new TreeMap<>();
        for (int i = 0; i < size(); i++) {
            byCode.computeIfAbsent(codes.get(i), c -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(byCode.values());
        java.util.Collections.shuffle(groups, new java.util.Random(seed));
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> g : groups) {
            for (int i : g) {
                if (chosen.size() < n) {
                    chosen.add(i);
                }
            }
        }
        return subset(chosen.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    /** The disorders at {@code indices}, in that order. */
    IcdKnowledge subset(int[] indices) {
        List<String> n = new ArrayList<>();
        List<String> c = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> h = new ArrayList<>();
        for (int i : indices) {
            n.add(names.get(i));
            c.add(codes.get(i));
            b.add(blocks.get(i));
            h.add(chapters.get(i));
        }
        return new IcdKnowledge(n, c, b, h);
    }

    private static JsonObject object(InputStream in, String name) throws IOException {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(r);
            if (!root.isJsonObject()) {
                throw new IOException(name + ": not a JSON object");
            }
            return root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IOException(name + ": not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = IcdKnowledge.class.getResourceAsStream(path);
        if (in == null) {
            throw new IOException("the bundle lacks " + path);
        }
        return in;
    }
}
