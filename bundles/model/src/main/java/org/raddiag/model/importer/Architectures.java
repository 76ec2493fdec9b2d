package org.raddiag.model.importer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.raddiag.api.model.ArchitectureConfig;

/**
 * The {@code --arch} value: a built-in name or a JSON file holding a flat object of {@link ArchitectureConfig}
 * settings (numbers or strings). Built-ins: {@code reference-default} (the published early-fusion checkpoint),
 * {@code reference-late} (its late-fusion sibling: one scan per case) and {@code demo-small} (ResNet-18, 32 x 32,
 * 4 slices, 2 slots, hidden 32, 8 classes: builds and imports in a second on a CPU).
 */
public final class Architectures {
    private static final Map<String, ArchitectureConfig> BUILT_IN = new LinkedHashMap<>();

    static {
        ArchitectureConfig ref = ArchitectureConfig.referenceDefault();
        BUILT_IN.put("reference-default", ref);
        BUILT_IN.put("reference-late", ref.with(ArchitectureConfig.FUSION, "late").with(ArchitectureConfig.SLOTS, "1"));
        BUILT_IN.put("demo-small", new ArchitectureConfig(Map.of(ArchitectureConfig.BACKBONE, "resnet18",
                ArchitectureConfig.IMAGE_SIZE, "32", ArchitectureConfig.DEPTH, "4", ArchitectureConfig.SLOTS, "2",
                ArchitectureConfig.HIDDEN, "32", ArchitectureConfig.CLASSES, "8", ArchitectureConfig.FUSION, "early",
                ArchitectureConfig.HEAD, "mlp")));
    }

    private Architectures() {
    }

    /** Names of the built-in architectures. */
    public static java.util.Set<String> builtIns() {
        return java.util.Collections.unmodifiableSet(BUILT_IN.keySet());
    }

    /** Whether {@code arch} names a built-in that uses the 5,569 RP3D disorder labels. */
    static boolean usesRp3dDisorders(String arch) {
        return arch.startsWith("reference-");
    }

    /** The built-in {@code nameOrFile}, else the settings in that JSON file. */
    public static ArchitectureConfig resolve(String nameOrFile) throws IOException {
        ArchitectureConfig builtIn = BUILT_IN.get(nameOrFile);
        if (builtIn != null) {
            return builtIn;
        }
        Path file = Paths.get(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IOException("--arch '" + nameOrFile + "' is neither a built-in architecture " + BUILT_IN.keySet()
                    + " nor an existing JSON file");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new IOException(file + ": an architecture file must be a JSON object of settings");
        }
        Map<String, String> values = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : ((JsonObject) root).entrySet()) {
            if (!e.getValue().isJsonPrimitive()) {
                throw new IOException(file + ": setting '" + e.getKey() + "' must be a string or a number");
            }
            values.put(e.getKey(), e.getValue().getAsString());
        }
        for (String required : new String[] {ArchitectureConfig.CLASSES, ArchitectureConfig.HIDDEN,
            ArchitectureConfig.DEPTH, ArchitectureConfig.IMAGE_SIZE, ArchitectureConfig.SLOTS}) {
            if (!values.containsKey(required)) {
                throw new IOException(file + ": setting '" + required + "' is missing");
            }
        }
        return new ArchitectureConfig(values);
    }
}
