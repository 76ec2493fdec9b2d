package org.raddiag.ingest.dicom.internal;

import java.util.List;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;

/**
 * Which model diagnoses ingested studies: the one configured here, else the REST API's default model, else the
 * only installed model (as {@code POST /api/v1/diagnoses} chooses).
 */
final class ModelChoice {
    private ModelChoice() {
    }

    /** The model name to use, or null when it cannot be chosen (yet). */
    static String name(String configured, String restDefault, ModelRegistry registry) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        if (restDefault != null && !restDefault.isBlank()) {
            return restDefault.trim();
        }
        if (registry == null) {
            return null;
        }
        List<String> names = registry.list().stream().map(ModelRef::name).distinct().toList();
        return names.size() == 1 ? names.get(0) : null;
    }

    /** The installed model to use; NotReady says what is missing (retried until it is there). */
    static ModelRef resolve(String configured, String restDefault, ModelRegistry registry)
            throws StudyDiagnosis.NotReady {
        String name = name(configured, restDefault, registry);
        if (name == null) {
            List<ModelRef> installed = registry.list();
            throw new StudyDiagnosis.NotReady(installed.isEmpty() ? "no model installed"
                    : "several models installed: set model in PID org.raddiag.ingest.dicom (or defaultModel in "
                            + "org.raddiag.rest)");
        }
        ModelRef ref;
        try {
            ref = ModelRef.parse(name);
        } catch (IllegalArgumentException e) {
            throw new StudyDiagnosis.NotReady("configured model: " + e.getMessage());
        }
        if (registry.find(ref).isEmpty()) {
            throw new StudyDiagnosis.NotReady("model " + ref + " is not installed");
        }
        return ref;
    }
}
