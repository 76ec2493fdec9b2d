package org.raddiag.model.importer;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;

/**
 * Writes a model package folder (format version 1: {@code model.json}, {@code weights.safetensors},
 * {@code labels.txt}, {@code thresholds.txt}) for the registry to verify and install. The format is owned by the
 * core registry ({@code org.raddiag.core.registry.ModelPackageReader}), which is not exported; the registry verifies
 * everything this writes on install, and the import tests read the result with that reader.
 */
final class PackageStager {
    private PackageStager() {
    }

    /** What goes into {@code model.json} besides the computed checksum. */
    record Contents(String name, String version, ArchitectureConfig arch, String labelSet, List<String> labels,
            int head, int medium, double[] thresholds, Map<String, String> provenance) {
    }

    static void write(Path dir, Contents c, StateDict weights) throws IOException {
        Path w = dir.resolve("weights.safetensors");
        SafetensorsFile.write(w, weights, Map.of("format", "pt"));
        Files.write(dir.resolve("labels.txt"), c.labels(), StandardCharsets.UTF_8);
        StringBuilder t = new StringBuilder();
        for (double v : c.thresholds()) {
            t.append(v).append('\n');
        }
        Files.writeString(dir.resolve("thresholds.txt"), t, StandardCharsets.UTF_8);

        JsonObject o = new JsonObject();
        o.addProperty("format_version", 1);
        o.addProperty("name", c.name());
        o.addProperty("version", c.version());
        JsonObject arch = new JsonObject();
        c.arch().asMap().forEach(arch::addProperty);
        o.add("architecture", arch);
        JsonObject in = new JsonObject();
        in.addProperty("image_size", c.arch().getInt(ArchitectureConfig.IMAGE_SIZE));
        in.addProperty("depth", c.arch().getInt(ArchitectureConfig.DEPTH));
        in.addProperty("slots", c.arch().getInt(ArchitectureConfig.SLOTS));
        JsonArray range = new JsonArray();
        range.add(0.0);
        range.add(1.0);
        in.add("value_range", range);
        o.add("input", in);
        JsonObject labels = new JsonObject();
        labels.addProperty("name", c.labelSet());
        labels.addProperty("file", "labels.txt");
        labels.addProperty("head", c.head());
        labels.addProperty("medium", c.medium());
        labels.addProperty("tail", c.labels().size() - c.head() - c.medium());
        o.add("labels", labels);
        o.addProperty("thresholds", "thresholds.txt");
        JsonObject prov = new JsonObject();
        c.provenance().forEach(prov::addProperty);
        o.add("provenance", prov);
        JsonObject weightsJson = new JsonObject();
        weightsJson.addProperty("file", "weights.safetensors");
        weightsJson.addProperty("sha256", sha256(w));
        o.add("weights", weightsJson);
        Files.writeString(dir.resolve("model.json"),
                new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n",
                StandardCharsets.UTF_8);
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
