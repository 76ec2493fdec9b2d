package org.raddiag.core.cases;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

/**
 * A case stored as a folder: each file or sub-folder (sorted by name; hidden entries and {@code case.json} skipped)
 * holds one scan or more. An optional {@code case.json} gives the case id, labels and per-entry settings:
 * <pre>{"id": "case-1", "labels": ["Hip dislocation"],
 *  "scans": {"pelvis.nii.gz": {"modality": "CT", "plane": "Axial", "key": 12, "sample": "ct"}}}</pre>
 * Scans are grouped into samples by their {@code sample} name, else by modality, in order of first appearance.
 * Without a modality in case.json a scan keeps what the reader gave it (the read options' hint, or its default).
 */
public final class FolderCaseLoader {
    /** Name of the optional case description file. */
    public static final String CASE_FILE = "case.json";

    private final ScanFiles files;

    public FolderCaseLoader(ScanFiles files) {
        this.files = files;
    }

    /** Loads {@code folder}; unreadable entries become problems. A broken case.json is a problem too. */
    public LoadedCase load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a case folder");
        }
        List<ReadException> problems = new ArrayList<>();
        JsonObject desc = new JsonObject();
        Path caseFile = folder.resolve(CASE_FILE);
        if (Files.isRegularFile(caseFile)) {
            try (Reader r = Files.newBufferedReader(caseFile, StandardCharsets.UTF_8)) {
                desc = JsonParser.parseReader(r).getAsJsonObject();
            } catch (JsonParseException | IllegalStateException e) {
                problems.add(new ReadException(caseFile, Reason.CORRUPT, "invalid case description: " + e.getMessage(), e));
            }
        }
        String id = desc.has("id") ? desc.get("id").getAsString() : String.valueOf(folder.getFileName());
        List<String> labels = Json.strings(desc, "labels");
        JsonObject perScan = desc.has("scans") && desc.get("scans").isJsonObject() ? desc.getAsJsonObject("scans")
                : new JsonObject();
        List<Path> entries;
        try (Stream<Path> s = Files.list(folder)) {
            entries = s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals(CASE_FILE)).sorted().collect(Collectors.toList());
        }
        Map<String, List<Scan>> groups = new LinkedHashMap<>();
        for (Path p : entries) {
            String name = p.getFileName().toString();
            JsonElement se = perScan.get(name);
            JsonObject settings = se != null && se.isJsonObject() ? se.getAsJsonObject() : new JsonObject();
            try {
                for (Scan scan : files.read(p)) {
                    Scan s = configure(scan, settings, p);
                    String group = settings.has("sample") ? "sample:" + settings.get("sample").getAsString()
                            : "modality:" + s.modality();
                    groups.computeIfAbsent(group, g -> new ArrayList<>()).add(s);
                }
            } catch (ReadException e) {
                problems.add(e);
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (List<Scan> g : groups.values()) {
            samples.add(new Sample(g.get(0).modality(), g));
        }
        return new LoadedCase(new Case(id, samples, labels), problems);
    }

    private static Scan configure(Scan scan, JsonObject settings, Path p) throws ReadException {
        try {
            Modality m = settings.has("modality") ? Modality.parse(settings.get("modality").getAsString())
                    : scan.modality();
            Plane plane = settings.has("plane") ? Plane.parse(settings.get("plane").getAsString()) : scan.plane();
            int key = scan.keySlice().orElse(-1);
            if (settings.has("key")) {
                key = Math.max(-1, Math.min(settings.get("key").getAsInt(), scan.volume().depth() - 1));
            }
            return new Scan(scan.volume(), m, plane, key, scan.source());
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new ReadException(p, Reason.CORRUPT, "case.json entry: " + e.getMessage(), e);
        }
    }
}
