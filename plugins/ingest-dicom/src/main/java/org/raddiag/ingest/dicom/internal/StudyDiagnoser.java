package org.raddiag.ingest.dicom.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.raddiag.api.data.SliceAttention;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.checkpoint.Checksums;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.DiagnosisJson;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.diagnosis.DiagnosisRequest;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.telemetry.DiagnosisObserver;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;

/**
 * Diagnoses a stored study as one case, the way a case folder is read ({@code FolderCaseLoader}): every series is
 * read by the DICOM reader plugin (one or more scans each), scans are grouped into samples by modality in order of
 * appearance, and the case goes through the {@link DiagnosisService}. Series that cannot be read are reported in
 * {@code unreadableFiles} and left out; a study with no readable series fails. Each scan's most attended slice is
 * mapped to its stored instance ({@code keySliceInstance}), and the diagnosis is written as a structured report
 * ({@link DiagnosisReport}) into the outbox before the study counts as DONE.
 */
final class StudyDiagnoser implements StudyDiagnosis {
    private static final Logger LOG = LoggerFactory.getLogger(StudyDiagnoser.class);
    /** The diagnosis in the form of {@code POST /api/v1/diagnoses}' result ({@link DiagnosisJson}). */
    private static final Gson JSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();
    private final InstanceStore store;
    private final RuntimeServices services;
    private final ReportOutbox outbox;
    private final String aeTitle;
    /** Weights SHA-256 by weights path (packages are immutable once installed). */
    private final Map<Path, String> checksums = new ConcurrentHashMap<>();
    private volatile String configuredModel;
    private volatile int top;

    StudyDiagnoser(InstanceStore store, RuntimeServices services, String configuredModel, int top,
            ReportOutbox outbox, String aeTitle) {
        this.store = store;
        this.services = services;
        this.outbox = outbox;
        this.aeTitle = aeTitle;
        configure(configuredModel, top);
    }

    /** Model (empty: chosen as {@link ModelChoice} says) and findings kept (0 = all) for the next diagnoses. */
    void configure(String model, int topFindings) {
        this.configuredModel = model;
        this.top = Math.max(0, topFindings);
    }

    @Override
    public String plannedModel() {
        return ModelChoice.name(configuredModel, services.restDefaultModel(), services.registry());
    }

    @Override
    public Outcome diagnose(String studyUid) throws Exception {
        DiagnosisService ds = services.diagnosis();
        ModelRegistry registry = services.registry();
        ModalityReader reader = services.dicomReader();
        if (ds == null || registry == null) {
            throw new NotReady("the diagnosis service or model registry is not available yet");
        }
        if (reader == null) {
            throw new NotReady("no DICOM reader plugin is installed");
        }
        ModelRef model = ModelChoice.resolve(configuredModel, services.restDefaultModel(), registry);
        try (StudyView view = StudyView.of(store, studyUid)) {
            JsonArray unreadable = new JsonArray();
            Map<Modality, List<Scan>> byModality = new LinkedHashMap<>();
            JsonArray series = new JsonArray();
            Map<String, List<Path>> slicesOf = new HashMap<>();
            for (Map.Entry<String, String> s : view.series) {
                JsonObject e = new JsonObject();
                e.addProperty("source", s.getKey());
                e.addProperty("seriesUid", s.getValue());
                series.add(e);
                try {
                    Path folder = view.dir.resolve(s.getKey());
                    long t0 = System.nanoTime();
                    List<Scan> scans = reader.read(folder, ReadOptions.defaults());
                    double ms = (System.nanoTime() - t0) / 1e6;
                    for (DiagnosisObserver o : services.observers()) {
                        try {
                            o.read(reader.name(), scans.size(), ms);
                        } catch (RuntimeException failure) {
                            LOG.debug("diagnosis observer failed: {}", failure.toString());
                        }
                    }
                    List<Path> files = InstanceStore.instances(folder);
                    for (Scan scan : scans) {
                        byModality.computeIfAbsent(scan.modality(), m -> new ArrayList<>()).add(scan);
                        slicesOf.put(scan.source(), scans.size() == 1 ? files : fileOf(scan.source(), files));
                    }
                } catch (ReadException ex) {
                    JsonObject p = new JsonObject();
                    p.addProperty("file", view.relative(String.valueOf(ex.file())));
                    p.addProperty("reason", ex.reason().name());
                    p.addProperty("message", view.relative(ex.getMessage()));
                    unreadable.add(p);
                }
            }
            if (byModality.isEmpty()) {
                throw new IOException("no readable image series" + (unreadable.size() == 0 ? ""
                        : ": " + unreadable.get(0).getAsJsonObject().get("message").getAsString()));
            }
            List<Sample> samples = new ArrayList<>();
            for (Map.Entry<Modality, List<Scan>> e : byModality.entrySet()) {
                samples.add(new Sample(e.getKey(), e.getValue()));
            }
            Case c = new Case("study-" + Uids.hash(studyUid), samples, List.of());
            Diagnosis d = ds.diagnose(c, new DiagnosisRequest(model, null, top));
            JsonObject json = JSON.toJsonTree(DiagnosisJson.of(d, false, view::relative)).getAsJsonObject();
            json.addProperty("studyUid", studyUid);
            json.add("series", series);
            json.add("unreadableFiles", unreadable);
            keySlices(d, json, slicesOf);
            json.addProperty("packageSha256", checksum(registry, d));
            return new Outcome(json, d.modelName() + ":" + d.modelVersion(), report(studyUid, json, view));
        }
    }

    /** The file of a per-file scan (its source starts with the file's path), as a one-element list. */
    private static List<Path> fileOf(String source, List<Path> files) {
        for (Path f : files) {
            if (source.startsWith(f.toString())) {
                return List.of(f);
            }
        }
        return List.of();
    }

    /** Adds {@code keySliceInstance} (series, SOP class and instance, frame) to each sliceAttention entry. */
    private static void keySlices(Diagnosis d, JsonObject json, Map<String, List<Path>> slicesOf) {
        JsonArray out = json.getAsJsonArray("sliceAttention");
        List<SliceAttention> attention = d.attention();
        for (int i = 0; i < attention.size() && i < out.size(); i++) {
            SliceAttention a = attention.get(i);
            List<Path> files = slicesOf.get(a.source());
            JsonObject ref = null;
            if (files != null && !files.isEmpty()) {
                try {
                    ref = KeySlices.of(files).reference(a.keySlice());
                } catch (IOException e) {
                    LOG.warn("key slice of scan {} not mapped to an instance: {}", i, Uids.redact(e.getMessage()));
                }
            }
            out.get(i).getAsJsonObject().add("keySliceInstance", ref);
        }
    }

    private String checksum(ModelRegistry registry, Diagnosis d) {
        try {
            ModelPackage p = registry.find(new ModelRef(d.modelName(), d.modelVersion())).orElse(null);
            if (p == null) {
                return null;
            }
            Path w = p.weights();
            String known = checksums.get(w);
            if (known == null) {
                known = Checksums.sha256(w);
                checksums.put(w, known);
            }
            return known;
        } catch (IOException | RuntimeException e) {
            LOG.warn("model package checksum unavailable: {}", e.toString());
            return null;
        }
    }

    /**
     * Writes the structured report into the outbox; returns its SOP Instance UID, or null (with
     * {@code reportError} in the JSON) when it cannot be made: the diagnosis stands either way.
     */
    private String report(String studyUid, JsonObject json, StudyView view) {
        if (outbox == null) {
            return null;
        }
        try {
            Path first = InstanceStore.instances(view.dir.resolve(view.series.get(0).getKey())).get(0);
            AttributeList header = InstanceHeader.attributes(first);
            DiagnosisReport r = DiagnosisReport.of(json, header, aeTitle, ZonedDateTime.now(ZoneOffset.UTC));
            outbox.write(studyUid, r);
            json.addProperty("reportSopInstanceUid", r.sopInstanceUid);
            return r.sopInstanceUid;
        } catch (IOException | DicomException | RuntimeException e) {
            String why = Uids.redact(e.getMessage() == null ? e.toString() : e.getMessage());
            LOG.warn("study {}: structured report not written: {}", Uids.hash(studyUid), why);
            json.addProperty("reportError", why);
            return null;
        }
    }
}
