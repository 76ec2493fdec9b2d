package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.diagnosis.DiagnosisRequest;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;

/**
 * Diagnoses a stored study as one case, the way a case folder is read ({@code FolderCaseLoader}): every series is
 * read by the DICOM reader plugin (one or more scans each), scans are grouped into samples by modality in order of
 * appearance, and the case goes through the {@link DiagnosisService}. Series that cannot be read are reported in
 * {@code unreadableFiles} and left out; a study with no readable series fails.
 */
final class StudyDiagnoser implements StudyDiagnosis {
    private final InstanceStore store;
    private final RuntimeServices services;
    private volatile String configuredModel;
    private volatile int top;

    StudyDiagnoser(InstanceStore store, RuntimeServices services, String configuredModel, int top) {
        this.store = store;
        this.services = services;
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
            for (Map.Entry<String, String> s : view.series) {
                JsonObject e = new JsonObject();
                e.addProperty("source", s.getKey());
                e.addProperty("seriesUid", s.getValue());
                series.add(e);
                try {
                    for (Scan scan : reader.read(view.dir.resolve(s.getKey()), ReadOptions.defaults())) {
                        byModality.computeIfAbsent(scan.modality(), m -> new ArrayList<>()).add(scan);
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
            JsonObject json = DiagnosisOutput.of(d, view::relative);
            json.addProperty("studyUid", studyUid);
            json.add("series", series);
            json.add("unreadableFiles", unreadable);
            return new Outcome(json, d.modelName() + ":" + d.modelVersion());
        }
    }
}
