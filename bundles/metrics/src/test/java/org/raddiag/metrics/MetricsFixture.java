package org.raddiag.metrics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.raddiag.testsupport.NpyFixture;
import java.nio.file.Paths;

/** The reference metrics fixture ({@code testdata/reference/metrics}, README section 6). */
final class MetricsFixture {
    final int cases;
    final int classes;
    final float[] scores;
    final float[] logits;
    final float[] labels;
    final JsonObject results;
    final JsonObject curves;

    private MetricsFixture() throws IOException {
        Path dir = dir();
        NpyFixture s = NpyFixture.read(dir.resolve("scores.npy"));
        cases = (int) s.shape()[0];
        classes = (int) s.shape()[1];
        scores = s.floats();
        logits = NpyFixture.read(dir.resolve("logits.npy")).floats();
        labels = NpyFixture.read(dir.resolve("labels.npy")).floats();
        results = JsonParser.parseString(Files.readString(dir.resolve("results.json"))).getAsJsonObject();
        curves = JsonParser.parseString(Files.readString(dir.resolve("curves.json"))).getAsJsonObject();
    }

    static MetricsFixture load() throws IOException {
        return new MetricsFixture();
    }

    static Path dir() {
        String p = System.getProperty("raddiag.testdata");
        if (p == null) {
            throw new IllegalStateException("system property raddiag.testdata is not set");
        }
        return Paths.get(p, "reference", "metrics");
    }

    Predictions fromScores() {
        return Predictions.fromScores(cases, classes, scores, labels);
    }

    /** A JSON number, or NaN for the string "nan". */
    static double num(JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            String t = e.getAsString();
            if (t.equalsIgnoreCase("nan")) {
                return Double.NaN;
            }
            throw new IllegalArgumentException("not a number: " + t);
        }
        return e.getAsDouble();
    }

    static double[] nums(JsonArray a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = num(a.get(i));
        }
        return out;
    }
}
