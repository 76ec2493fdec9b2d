package org.raddiag.workflows.internal;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.raddiag.metrics.ComparisonReport;
import org.raddiag.support.files.DurableFiles;

/**
 * One variant's folder in an experiment: {@code settings.json} (written before it trains), {@code run/} (the
 * trainer's checkpoints and metrics log), {@code report/} (its evaluation) and {@code result.json} (written last:
 * the variant is finished). What a rerun does follows from what is there: a finished variant is not run again, a
 * started one resumes from its checkpoint, and a folder run with other settings is refused rather than mixed.
 */
final class VariantFolder {
    /** What a rerun finds. */
    enum State { NEW, STARTED, FINISHED }

    private final Path dir;
    private final String name;

    VariantFolder(Path experiment, String name) {
        this.dir = experiment.resolve("variants").resolve(name);
        this.name = name;
    }

    Path dir() {
        return dir;
    }

    Path run() {
        return dir.resolve("run");
    }

    Path report() {
        return dir.resolve("report");
    }

    Path result() {
        return dir.resolve("result.json");
    }

    /**
     * The state of this variant for {@code settings}.
     *
     * @throws IllegalStateException when the folder holds a run with other settings
     */
    State state(Map<String, String> settings) throws IOException {
        Path s = dir.resolve("settings.json");
        if (!Files.isRegularFile(s)) {
            if (Files.isRegularFile(result())) {
                throw new IllegalStateException(dir + " holds a result but no settings.json; remove the folder to run"
                        + " variant '" + name + "' again");
            }
            return State.NEW;
        }
        Map<String, String> before = new TreeMap<>();
        try {
            JsonObject o = JsonParser.parseString(Files.readString(s, StandardCharsets.UTF_8)).getAsJsonObject();
            o.entrySet().forEach(e -> before.put(e.getKey(), e.getValue().getAsString()));
        } catch (RuntimeException e) {
            throw new IOException(s + ": not a settings file: " + e.getMessage(), e);
        }
        if (!before.equals(new TreeMap<>(settings))) {
            throw new IllegalStateException(dir + " was run with other settings "
                    + before + " (the plan now gives " + new TreeMap<>(settings) + "); use another --out, or remove"
                    + " that folder to run it again");
        }
        return Files.isRegularFile(result()) ? State.FINISHED : State.STARTED;
    }

    /** Records the settings before the variant trains. */
    void start(Map<String, String> settings) throws IOException {
        Files.createDirectories(dir);
        JsonObject o = new JsonObject();
        new TreeMap<>(settings).forEach(o::addProperty);
        DurableFiles.writeString(dir.resolve("settings.json"), new GsonBuilder().setPrettyPrinting().create().toJson(o)
                + "\n");
    }

    /** Marks the variant finished with its result. */
    void finish(ComparisonReport.Variant result) throws IOException {
        result.write(result());
    }

    ComparisonReport.Variant readResult() throws IOException {
        return ComparisonReport.Variant.read(result());
    }
}
