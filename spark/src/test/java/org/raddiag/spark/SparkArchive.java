package org.raddiag.spark;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.raddiag.core.cases.DataPathResolver;
import org.raddiag.support.numpy.NpyWriter;
import org.raddiag.testsupport.TestData;

/**
 * A small archive of the layouts the job lists: {@value #VOLUMES} case folders with a seeded NumPy volume each, the
 * RP3D demo case file (3 cases, one of them naming files that are not shipped), a case whose only scan is truncated,
 * a case with one good and one truncated scan, and an RP3D case file that is not JSON.
 */
final class SparkArchive {
    static final int VOLUMES = 26;
    /** Cases listed: the volumes, 3 demo cases, the corrupt, the partial and the broken file. */
    static final int CASES = VOLUMES + 3 + 3;
    /** Cases with findings: the volumes, 2 demo cases, the partial one. */
    static final int DIAGNOSED = VOLUMES + 2 + 1;
    /**
     * Error rows: 2 missing files of each of two demo cases (one is diagnosed from its other files), the corrupt
     * case, the partial case's bad scan, the broken file.
     */
    static final int ERROR_ROWS = 7;

    private SparkArchive() {
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(11);
        for (int i = 0; i < VOLUMES; i++) {
            Path c = Files.createDirectories(dir.resolve(String.format("c%02d", i)));
            volume(c.resolve("vol.npy"), random, 24 + i % 3 * 8, 4 + i % 5);
            caseJson(c, "case-" + i, i % 4 == 3 ? "MRI" : "CT");
        }
        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        volume(corrupt.resolve("vol.npy"), random, 32, 6);
        truncate(corrupt.resolve("vol.npy"));
        caseJson(corrupt, "corrupt", "CT");
        Path partial = Files.createDirectories(dir.resolve("partial"));
        volume(partial.resolve("a.npy"), random, 32, 6);
        volume(partial.resolve("b.npy"), random, 32, 6);
        truncate(partial.resolve("b.npy"));
        Files.writeString(partial.resolve("case.json"), "{\"id\": \"partial\", \"scans\": {\"a.npy\": {\"modality\": "
                + "\"CT\"}, \"b.npy\": {\"modality\": \"CT\"}}}");
        Files.writeString(dir.resolve("broken.json"), "{\"case\": [not json", StandardCharsets.UTF_8);
        demo(dir.resolve("demo.json"));
        return dir;
    }

    /** {@code n} case folders with one seeded {@code size}^2 x {@code slices} CT volume each (the benchmark's). */
    static Path volumes(Path dir, int n, int size, int slices) throws IOException {
        Random random = new Random(17);
        for (int i = 0; i < n; i++) {
            Path c = Files.createDirectories(dir.resolve(String.format("c%05d", i)));
            volume(c.resolve("vol.npy"), random, size, slices);
            caseJson(c, "case-" + i, "CT");
        }
        return dir;
    }

    private static void volume(Path file, Random random, int size, int slices) throws IOException {
        float[] v = new float[size * size * slices];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextFloat() * 400 - 100;
        }
        Files.write(file, NpyWriter.float32(v, new long[] {size, size, slices}, false));
    }

    private static void truncate(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(b, b.length / 3));
    }

    private static void caseJson(Path folder, String id, String modality) throws IOException {
        Files.writeString(folder.resolve("case.json"), new Gson().toJson(Map.of("id", id, "scans",
                Map.of("vol.npy", Map.of("modality", modality, "plane", "Axial")))));
    }

    /** The RP3D demo file with the paths of its shipped files made absolute, so it reads from anywhere. */
    private static void demo(Path target) throws IOException {
        Path root = TestData.root().resolve("rp3d-demo");
        JsonElement json = JsonParser.parseString(Files.readString(root.resolve("demoData.json")));
        Files.writeString(target, new Gson().toJson(absolute(json, new DataPathResolver(root))));
    }

    private static JsonElement absolute(JsonElement e, DataPathResolver paths) {
        if (e.isJsonObject()) {
            JsonObject o = new JsonObject();
            e.getAsJsonObject().entrySet().forEach(en -> o.add(en.getKey(), absolute(en.getValue(), paths)));
            return o;
        }
        if (e.isJsonArray()) {
            JsonArray a = new JsonArray();
            e.getAsJsonArray().forEach(x -> a.add(absolute(x, paths)));
            return a;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && e.getAsString().startsWith("/")) {
            Path p = paths.resolve(e.getAsString());
            return Files.isRegularFile(p) ? new JsonPrimitive(p.toString()) : e;
        }
        return e;
    }
}
