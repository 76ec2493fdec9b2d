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
import java.util.List;
import java.util.NoSuchElementException;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

/**
 * Cases of an RP3D-DiagDS case file ({@code demoData.json}, {@code train.json}, {@code test.json}): an object keyed
 * by case URL, each case with {@code Modalities} (one per sample) and {@code Samples} (each with
 * {@code image_data_path}, {@code image_key_path}, {@code plane_projection} and the label lists {@code articles} /
 * {@code icd10s}). The case identifier is the URL. Labels come from the first sample (all samples carry the same).
 * Samples and scans keep their file order. A key slice beyond the stored depth is clamped to the last slice (the
 * reference draws a random one).
 */
public final class Rp3dCaseFile {
    /** Label level: disorder names. */
    public static final String ARTICLES = "articles";
    /** Label level: ICD-10 codes. */
    public static final String ICD10 = "icd10s";

    private final Path json;
    private final JsonObject cases;
    private final DataPathResolver paths;
    private final ScanFiles files;
    private final KeySliceSource keys;
    private final String level;

    /**
     * @param keys  reads key-slice files, or null to ignore them (scans then have no key slice)
     * @param level label list to use, {@link #ARTICLES} or {@link #ICD10}
     */
    public Rp3dCaseFile(Path json, DataPathResolver paths, ScanFiles files, KeySliceSource keys, String level)
            throws IOException {
        this.json = json;
        this.paths = paths;
        this.files = files;
        this.keys = keys;
        this.level = level;
        try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            JsonElement e = JsonParser.parseReader(r);
            if (!e.isJsonObject()) {
                throw new IOException(json + ": not an RP3D case file (top level is not an object)");
            }
            this.cases = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IOException(json + ": invalid JSON: " + e.getMessage(), e);
        }
    }

    /** Case identifiers (URLs) in file order. */
    public List<String> caseIds() {
        return List.copyOf(cases.keySet());
    }

    /**
     * Loads one case. Unreadable image or key files, and samples with an unknown modality, become problems.
     *
     * @throws NoSuchElementException for an unknown case id
     */
    public LoadedCase load(String caseId) {
        JsonElement ce = cases.get(caseId);
        if (ce == null) {
            throw new NoSuchElementException("no case '" + caseId + "' in " + json);
        }
        List<ReadException> problems = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        List<String> labels = List.of();
        try {
            JsonObject c = ce.getAsJsonObject();
            List<String> modalities = Json.strings(c, "Modalities");
            List<JsonObject> sampleObjects = Json.objects(c, "Samples");
            if (!sampleObjects.isEmpty()) {
                labels = Json.strings(sampleObjects.get(0), level);
            }
            for (int i = 0; i < sampleObjects.size(); i++) {
                Modality m;
                try {
                    m = Modality.parse(i < modalities.size() ? modalities.get(i) : null);
                } catch (IllegalArgumentException e) {
                    problems.add(new ReadException(json, Reason.CORRUPT, "case " + caseId + ", sample " + i + ": "
                            + e.getMessage()));
                    continue;
                }
                List<Scan> scans = loadScans(sampleObjects.get(i), m, problems);
                if (!scans.isEmpty()) {
                    samples.add(new Sample(m, scans));
                }
            }
        } catch (IllegalStateException | ClassCastException e) {
            problems.add(new ReadException(json, Reason.CORRUPT, "case " + caseId + ": " + e.getMessage(), e));
        }
        return new LoadedCase(new Case(caseId, samples, labels), problems);
    }

    private List<Scan> loadScans(JsonObject sample, Modality m, List<ReadException> problems) {
        List<String> data = Json.strings(sample, "image_data_path");
        List<String> keyPaths = Json.strings(sample, "image_key_path");
        List<String> planes = Json.strings(sample, "plane_projection");
        List<Scan> scans = new ArrayList<>();
        for (int j = 0; j < data.size(); j++) {
            Path p = paths.resolve(data.get(j));
            Scan scan;
            try {
                scan = files.read(p).get(0);
            } catch (ReadException e) {
                problems.add(e);
                continue;
            }
            int key = -1;
            if (keys != null && j < keyPaths.size() && keyPaths.get(j) != null) {
                Path kp = paths.resolve(keyPaths.get(j));
                try {
                    key = Math.max(0, Math.min(keys.read(kp), scan.volume().depth() - 1));
                } catch (ReadException e) {
                    problems.add(e);
                }
            }
            Plane plane = j < planes.size() ? Plane.parse(planes.get(j)) : Plane.UNKNOWN;
            scans.add(new Scan(scan.volume(), m, plane, key, scan.source()));
        }
        return scans;
    }
}
