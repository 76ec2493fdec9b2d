package org.raddiag.trainer.internal;

import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.model.InputEncoder;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.api.train.Trainer;
import org.raddiag.api.train.TrainingListener;
import org.raddiag.model.assembly.NetworkAssembler;
import org.raddiag.trainer.CaseEncoder;
import org.raddiag.trainer.DjlTraining;
import org.raddiag.trainer.TrainingResult;
import org.raddiag.trainer.TrainingSpec;

/**
 * The DJL trainer as a service ({@code raddiag.kind=trainer}, {@code raddiag.trainer=djl}). Cases are tensorised by
 * the registered {@link InputEncoder} (core's reference preprocessing) for the run's architecture. Settings keys:
 * {@link TrainingSpec}; the summary adds nothing beyond {@link DjlTraining}'s keys (the best weights are
 * {@code <out>/best/model.safetensors}).
 */
@Component(service = Trainer.class, property = {"raddiag.kind=trainer", "raddiag.trainer=djl"})
public final class DjlTrainer implements Trainer {
    @Reference
    private InputEncoder inputEncoder;

    @Reference
    private NetworkAssembler assembler;

    @Override
    public String name() {
        return "djl";
    }

    @Override
    public Map<String, Double> train(DatasetSource data, Map<String, String> settings, Path out, boolean resume,
            TrainingListener listener) throws Exception {
        TrainingSpec spec = TrainingSpec.of(settings);
        CaseEncoder encoder = CaseEncoder.of(inputEncoder, spec.architecture(data.labels().size()));
        TrainingResult r = DjlTraining.runWith(spec, data, encoder, assembler, out, resume, listener);
        return r.summary();
    }
}
