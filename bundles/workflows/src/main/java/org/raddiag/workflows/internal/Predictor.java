package org.raddiag.workflows.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.InputEncoder;
import org.raddiag.api.model.LoadedModel;
import org.raddiag.api.model.ModelOutput;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.metrics.Predictions;

/** Runs a loaded model over a dataset split in small batches and collects logits and labels for the metrics. */
final class Predictor {
    private static final int BATCH = 8;

    private Predictor() {
    }

    /** The model's logits, with the cases' labels over the model's label set (by name). */
    static Predictions predict(LoadedModel model, InputEncoder encoder, DatasetSource data, DatasetSource.Split split)
            throws IOException {
        return predict(model, encoder, data, split, model.model().labels(), null);
    }

    /**
     * Predictions for the labels {@code truth}: the model's own logits when {@code zeroShot} is null (its classes
     * are then {@code truth}), else the probabilities {@code zeroShot} maps the model's classes to.
     */
    static Predictions predict(LoadedModel model, InputEncoder encoder, DatasetSource data, DatasetSource.Split split,
            LabelSet truth, ZeroShot zeroShot) throws IOException {
        ArchitectureConfig arch = model.model().architecture();
        List<String> ids = data.caseIds(split);
        int classes = truth.size();
        int modelClasses = model.model().labels().size();
        float[] values = new float[ids.size() * classes];
        float[] labels = new float[ids.size() * classes];
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Case> batch = new ArrayList<>();
            for (int i = from; i < Math.min(ids.size(), from + BATCH); i++) {
                Case c = data.load(ids.get(i));
                batch.add(c);
                System.arraycopy(encoder.labels(c, truth), 0, labels, i * classes, classes);
            }
            ModelOutput out = model.predict(encoder.encode(batch, arch));
            if (zeroShot == null) {
                System.arraycopy(out.logits(), 0, values, from * classes, batch.size() * classes);
                continue;
            }
            for (int b = 0; b < batch.size(); b++) {
                float[] logits = java.util.Arrays.copyOfRange(out.logits(), b * modelClasses, (b + 1) * modelClasses);
                System.arraycopy(zeroShot.scoreLogits(logits), 0, values, (from + b) * classes, classes);
            }
        }
        return zeroShot == null ? Predictions.fromLogits(ids.size(), classes, values, labels)
                : Predictions.fromScores(ids.size(), classes, values, labels);
    }
}
