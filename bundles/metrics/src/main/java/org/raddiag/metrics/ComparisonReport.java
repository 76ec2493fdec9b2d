package org.raddiag.metrics;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.metrics.BootstrapIntervals.Interval;
import org.raddiag.metrics.LossCurvePlot.Point;
import org.raddiag.metrics.internal.ComparisonHtml;
import org.raddiag.metrics.internal.ReportJson;
import org.raddiag.support.files.DurableFiles;

/**
 * Several trained variants side by side: per variant its settings, head/medium/tail/all macro AUC, AP, F1max and MCC
 * with bootstrap intervals ({@link MacroIntervals}) and its loss curves; written durably as {@code comparison.json}
 * and as a self-contained HTML page (inline SVG, no network). One variant's part reads back ({@link Variant#read}),
 * so that a resumed experiment reports finished variants without evaluating them again.
 */
public final class ComparisonReport {
    private final String title;
    private final String dataset;
    private final List<Variant> variants;

    /**
     * One variant's results.
     *
     * @param settings    the settings it was trained with
     * @param splits      intervals keyed head, medium, tail, all
     * @param steps       training loss per step
     * @param trainEpochs mean training loss per epoch (at the epoch's last step)
     * @param valEpochs   validation loss per epoch
     * @param training    the trainer's summary numbers
     */
    public record Variant(String name, Map<String, String> settings, Map<String, MacroIntervals> splits,
            List<Point> steps, List<Point> trainEpochs, List<Point> valEpochs, Map<String, Double> training) {
        public Variant {
            settings = Map.copyOf(settings);
            splits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(splits));
            steps = List.copyOf(steps);
            trainEpochs = List.copyOf(trainEpochs);
            valEpochs = List.copyOf(valEpochs);
            training = Map.copyOf(training);
        }

        /** Writes this variant as JSON, durably. */
        public void write(Path file) throws IOException {
            DurableFiles.writeString(file, pretty(toJson(this)));
        }

        /** A variant written by {@link #write}. */
        public static Variant read(Path file) throws IOException {
            try {
                return fromJson(JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                        .getAsJsonObject());
            } catch (RuntimeException e) {
                throw new IOException(file + ": not a variant result: " + e.getMessage(), e);
            }
        }
    }

    private ComparisonReport(String title, String dataset, List<Variant> variants) {
        this.title = title;
        this.dataset = dataset;
        this.variants = List.copyOf(variants);
    }

    public static ComparisonReport of(String title, String dataset, List<Variant> variants) {
        return new ComparisonReport(title, dataset, variants);
    }

    public List<Variant> variants() {
        return variants;
    }

    /** {@code comparison.json}, durably. */
    public void writeJson(Path file) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("title", title);
        o.addProperty("dataset", dataset);
        o.addProperty("note", "bootstrap percentile intervals (NOT reference semantics); F1max and MCC at the"
                + " per-class oracle F1max threshold, as the reference reports them");
        JsonArray a = new JsonArray();
        variants.forEach(v -> a.add(toJson(v)));
        o.add("variants", a);
        DurableFiles.writeString(file, pretty(o));
    }

    /** The self-contained HTML page, durably. */
    public void writeHtml(Path file) throws IOException {
        DurableFiles.writeString(file, ComparisonHtml.page(title, dataset, variants));
    }

    private static String pretty(JsonObject o) {
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(o) + "\n";
    }

    private static JsonObject toJson(Variant v) {
        JsonObject o = new JsonObject();
        o.addProperty("name", v.name());
        JsonObject s = new JsonObject();
        new java.util.TreeMap<>(v.settings()).forEach(s::addProperty);
        o.add("settings", s);
        JsonObject sp = new JsonObject();
        v.splits().forEach((name, m) -> {
            JsonObject mo = new JsonObject();
            mo.addProperty("classes", m.classes());
            for (int i = 0; i < MacroIntervals.METRICS.size(); i++) {
                mo.add(MacroIntervals.METRICS.get(i), ReportJson.interval(m.values().get(i)));
            }
            sp.add(name, mo);
        });
        o.add("splits", sp);
        JsonObject c = new JsonObject();
        c.add("steps", points(v.steps()));
        c.add("trainEpochs", points(v.trainEpochs()));
        c.add("valEpochs", points(v.valEpochs()));
        o.add("loss", c);
        JsonObject t = new JsonObject();
        new java.util.TreeMap<>(v.training()).forEach((k, x) -> t.add(k, ReportJson.num(x)));
        o.add("training", t);
        return o;
    }

    private static Variant fromJson(JsonObject o) {
        Map<String, String> settings = new LinkedHashMap<>();
        o.getAsJsonObject("settings").entrySet().forEach(e -> settings.put(e.getKey(), e.getValue().getAsString()));
        Map<String, MacroIntervals> splits = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("splits").entrySet()) {
            JsonObject m = e.getValue().getAsJsonObject();
            Interval[] iv = new Interval[4];
            for (int i = 0; i < 4; i++) {
                JsonObject x = m.getAsJsonObject(MacroIntervals.METRICS.get(i));
                iv[i] = new Interval(value(x.get("estimate")), value(x.get("lower")), value(x.get("upper")),
                        x.get("defined_resamples").getAsInt());
            }
            splits.put(e.getKey(), new MacroIntervals(m.get("classes").getAsInt(), iv[0], iv[1], iv[2], iv[3]));
        }
        JsonObject c = o.getAsJsonObject("loss");
        Map<String, Double> training = new LinkedHashMap<>();
        o.getAsJsonObject("training").entrySet().forEach(e -> training.put(e.getKey(), value(e.getValue())));
        return new Variant(o.get("name").getAsString(), settings, splits, points(c.getAsJsonArray("steps")),
                points(c.getAsJsonArray("trainEpochs")), points(c.getAsJsonArray("valEpochs")), training);
    }

    private static JsonArray points(List<Point> pts) {
        JsonArray a = new JsonArray();
        for (Point p : pts) {
            JsonArray xy = new JsonArray();
            xy.add(p.step());
            xy.add(ReportJson.num(p.loss()));
            a.add(xy);
        }
        return a;
    }

    private static List<Point> points(JsonArray a) {
        List<Point> out = new ArrayList<>();
        a.forEach(e -> out.add(new Point(e.getAsJsonArray().get(0).getAsDouble(), value(e.getAsJsonArray().get(1)))));
        return out;
    }

    private static double value(JsonElement e) {
        return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }
}
