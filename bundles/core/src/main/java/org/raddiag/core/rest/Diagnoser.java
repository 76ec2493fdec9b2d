package org.raddiag.core.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.diagnosis.DiagnosisException;
import org.raddiag.api.diagnosis.DiagnosisRequest;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.core.cases.CaseLocator;
import org.raddiag.core.cases.LoadedCase;
import org.raddiag.core.cases.NpyKeySlices;
import org.raddiag.core.cases.Rp3dCaseFile;
import org.raddiag.api.data.DiagnosisJson;
import org.raddiag.core.io.ReaderRegistry;
import org.raddiag.core.preprocess.CaseTensorizer;
import org.raddiag.core.preprocess.CaseTensors;
import org.raddiag.core.preprocess.TensorizerSettings;

/**
 * Diagnoses an uploaded case folder: reads it with the installed readers (as {@code diagnose} does), runs the
 * diagnosis service, and keeps the model's view of each scan for slice images. The JSON uses the stable field names
 * of {@link DiagnosisJson}, plus {@code id}, {@code requestId}, {@code unreadableFiles}, {@code upload} and
 * {@code serverTimingsMs}; file names are relative to the upload.
 */
record Diagnoser(ReaderRegistry readers, DiagnosisService diagnosis, ModelRegistry registry, DiagnosisStore store) {
    /** The model a request asked for, else the default, else the only installed model. */
    static ModelRef model(String requested, String defaultModel, ModelRegistry registry) throws ApiError {
        String name = requested != null && !requested.isBlank() ? requested
                : defaultModel != null && !defaultModel.isBlank() ? defaultModel : null;
        if (name == null) {
            List<String> names = registry.list().stream().map(ModelRef::name).distinct().toList();
            if (names.size() != 1) {
                throw ApiError.badRequest("name a model in the 'model' field (installed: " + names + ")");
            }
            name = names.get(0);
        }
        try {
            return ModelRef.parse(name);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    Map<String, Object> diagnose(CaseUpload up, ModelRef ref, String backend, int top, String requestId,
            Map<String, Double> serverTimings) throws IOException, ApiError {
        Optional<ModelPackage> pkg = registry.find(ref);
        if (pkg.isEmpty()) {
            throw new ApiError(404, "no model " + ref + " installed (installed: " + registry.list() + ")");
        }
        long t0 = System.nanoTime();
        CaseLocator locator = new CaseLocator(readers.plainScanFiles(ReadOptions.defaults()),
                new NpyKeySlices(), Rp3dCaseFile.ARTICLES);
        List<LoadedCase> cases = locator.locate(up.loadRoot(), null);
        serverTimings.put("read", ms(t0));
        if (cases.size() != 1) {
            throw ApiError.badRequest("the upload holds " + cases.size() + " cases; send one case per request");
        }
        LoadedCase c = cases.get(0);
        List<Map<String, Object>> problems = new ArrayList<>();
        for (ReadException e : c.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", up.relative(String.valueOf(e.file())));
            m.put("reason", e.reason().name());
            m.put("message", e.getMessage() == null ? "" : e.getMessage().replace(up.caseDir.toString() + "/", ""));
            problems.add(m);
        }
        if (c.value().samples().isEmpty()) {
            ApiError err = new ApiError(422, "no readable scan in the upload");
            throw new UnreadableCase(err, problems);
        }
        long t1 = System.nanoTime();
        Diagnosis d;
        try {
            d = diagnosis.diagnose(c.value(), new DiagnosisRequest(ref, backend, top));
        } catch (DiagnosisException e) {
            throw new ApiError(503, "could not diagnose: " + e.getMessage().replace(up.caseDir.toString() + "/", ""));
        }
        serverTimings.put("diagnose", ms(t1));
        String id = Ids.next("d-");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("requestId", requestId);
        Map<String, Object> dj = DiagnosisJson.of(d, false, s -> up.relative(String.valueOf(s)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attention = (List<Map<String, Object>>) dj.get("sliceAttention");
        for (Map<String, Object> a : attention) {
            a.put("sliceUrl", "/api/v1/diagnoses/" + id + "/scans/" + a.get("scan") + "/slices/{k}.png");
        }
        json.putAll(dj);
        json.put("unreadableFiles", problems);
        long t2 = System.nanoTime();
        StoredDiagnosis stored = slices(id, json, c, registry.find(new ModelRef(d.modelName(), d.modelVersion()))
                .orElse(pkg.get()), attention.size());
        serverTimings.put("slices", ms(t2));
        store.put(stored);
        return json;
    }

    private static StoredDiagnosis slices(String id, Map<String, Object> json, LoadedCase c, ModelPackage pkg,
            int scans) {
        CaseTensors t = new CaseTensorizer(TensorizerSettings.of(pkg.architecture())).tensorize(c.value(), pkg.labels());
        long[] shape = t.images().shape(); // slots, 1, size, size, depth
        int size = (int) shape[2];
        int depth = (int) shape[4];
        int slotLen = size * size * depth;
        float[] data = t.images().data();
        List<byte[]> slots = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        for (int s = 0; s < Math.min(scans, t.filledSlots()); s++) {
            byte[] q = new byte[slotLen];
            for (int i = 0; i < slotLen; i++) {
                float v = data[s * slotLen + i];
                q[i] = (byte) Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
            }
            int n = 0;
            for (int z = 0; z < depth; z++) {
                n += t.marks()[s * depth + z] != 0 ? 1 : 0;
            }
            slots.add(q);
            valid.add(n);
        }
        return new StoredDiagnosis(id, json, size, depth, slots, valid);
    }

    private static double ms(long since) {
        return Math.round((System.nanoTime() - since) / 1e4) / 100.0;
    }

    /** A case without a readable scan: 422 with the reasons per file. */
    static final class UnreadableCase extends ApiError {
        private static final long serialVersionUID = 1L;
        final transient List<Map<String, Object>> problems;

        UnreadableCase(ApiError e, List<Map<String, Object>> problems) {
            super(e.status, e.getMessage());
            this.problems = problems;
        }
    }
}
