package org.raddiag.core.dataset;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.LabelSet;

/** Reads an RP3D label dictionary (JSON {name: index}, indices 0..C-1) and its head/medium/tail split. */
final class LabelDictionary {
    private LabelDictionary() {
    }

    static LabelSet read(Path folder, Map<String, String> options) throws IOException {
        Path file = options.containsKey("labels") ? folder.resolve(options.get("labels")) : find(folder);
        JsonObject dict;
        try {
            dict = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a JSON label dictionary {name: index}: " + e.getMessage(), e);
        }
        String[] names = new String[dict.size()];
        for (Map.Entry<String, JsonElement> e : dict.entrySet()) {
            int i;
            try {
                i = e.getValue().getAsInt();
            } catch (RuntimeException ex) {
                throw new IOException(file + ": index of '" + e.getKey() + "' is not an integer");
            }
            if (i < 0 || i >= names.length || names[i] != null) {
                throw new IOException(file + ": indices must be 0.." + (names.length - 1) + " without repeats, '"
                        + e.getKey() + "' has " + i);
            }
            names[i] = e.getKey();
        }
        List<String> labels = new ArrayList<>(Arrays.asList(names));
        int[] bins = bins(folder, options, labels.size());
        return new LabelSet(file.getFileName().toString().replace(".json", ""), labels, bins[0], bins[1]);
    }

    private static Path find(Path folder) throws IOException {
        for (String n : new String[] {"label_dict.json", "disorder_label_dict.json", "icd10_label_dict.json"}) {
            if (Files.isRegularFile(folder.resolve(n))) {
                return folder.resolve(n);
            }
        }
        throw new IOException(folder + " has no label dictionary (label_dict.json or disorder_label_dict.json); "
                + "name one with the option labels=FILE");
    }

    private static int[] bins(Path folder, Map<String, String> options, int classes) throws IOException {
        if (options.containsKey("head") && options.containsKey("medium")) {
            return new int[] {Integer.parseInt(options.get("head")), Integer.parseInt(options.get("medium"))};
        }
        Path manifest = folder.resolve("dataset.json");
        if (Files.isRegularFile(manifest)) {
            try {
                JsonObject l = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject().getAsJsonObject("labels");
                if (l != null && l.has("headCount") && l.has("mediumCount")) {
                    return new int[] {l.get("headCount").getAsInt(), l.get("mediumCount").getAsInt()};
                }
            } catch (RuntimeException e) {
                throw new IOException(manifest + ": cannot read the label split: " + e.getMessage(), e);
            }
        }
        return classes == 5569 ? new int[] {85, 470} : classes == 931 ? new int[] {165, 230} : new int[] {classes, 0};
    }
}
