package org.raddiag.workflows.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.model.InputEncoder;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.api.model.ModelRunner;
import org.raddiag.api.train.Trainer;

/**
 * The services a training workflow needs, bound once: the trainer and dataset plugins, the input encoder, the
 * PyTorch runner (evaluation) and the registry, handed out as a {@link Workbench} for a chosen trainer.
 */
@Component(service = Workbenches.class)
public final class Workbenches {
    @Reference
    private TrainingPlugins plugins;
    @Reference
    private InputEncoder encoder;
    @Reference(target = "(" + ServiceProperties.BACKEND + "=pytorch)")
    private ModelRunner runner;
    @Reference
    private ModelRegistry registry;

    TrainingPlugins plugins() {
        return plugins;
    }

    Workbench of(Trainer trainer) {
        return new Workbench(trainer, encoder, runner, registry);
    }
}
