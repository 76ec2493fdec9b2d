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

    static Predictions predict(LoadedModel model, InputEncoder encoder, DatasetSource data, DatasetSource.Split split)
            throws IOException {
        ArchitectureConfig arch = model.model().architecture();
        LabelSet labels = data.labels();
        List<String> ids = data.caseIds(split);
        int classes = labels.size();
        float[] logits = new float[ids.size() * classes];
        float[] truth = new float[ids.size() * classes];
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Case> batch = new ArrayList<>();
            for (int i = from; i < Math.min(ids.size(), from + BATCH); i++) {
                Case c = data.load(ids.get(i));
                batch.add(c);
                System.arraycopy(encoder.labels(c, labels), 0, truth, i * classes, classes);
            }
            ModelOutput out = model.predict(encoder.encode(batch, arch));
            System.arraycopy(out.logits(), 0, logits, from * classes, batch.size() * classes);
        }
        return Predictions.fromLogits(ids.size(), classes, logits, truth);
    }
}
