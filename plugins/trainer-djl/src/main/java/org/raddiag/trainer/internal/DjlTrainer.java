package org.raddiag.trainer.internal;

import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.InputEncoder;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.api.train.Trainer;
import org.raddiag.api.train.TrainingListener;
import org.raddiag.api.train.TrainingOutcome;
import org.raddiag.model.assembly.NetworkAssembler;

/**
 * The DJL trainer as a service ({@code raddiag.kind=trainer}, {@code raddiag.trainer=djl}), the only way workflows
 * reach it. Cases are tensorised by the registered {@link InputEncoder} (core's reference preprocessing) for the
 * run's architecture. Settings keys: {@link TrainingSpec}; summary keys and the output folder: {@link DjlTraining}.
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
    public ArchitectureConfig architecture(Map<String, String> settings, int classes) {
        return TrainingSpec.of(settings).architecture(classes);
    }

    @Override
    public TrainingOutcome train(DatasetSource data, Map<String, String> settings, Path out, boolean resume,
            TrainingListener listener) throws Exception {
        TrainingSpec spec = TrainingSpec.of(settings);
        CaseEncoder encoder = CaseEncoder.of(inputEncoder, spec.architecture(data.labels().size()));
        return DjlTraining.runWith(spec, data, encoder, assembler, out, resume, listener);
    }
}
