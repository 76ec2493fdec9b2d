package org.raddiag.workflows.internal;

import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.model.InputEncoder;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.api.train.Trainer;

/**
 * The services a training workflow needs, bound once: the trainer and dataset plugins, the input encoder, the
 * PyTorch runner (evaluation) and the registry, handed out as a {@link Workbench} for a chosen trainer. The runner is
 * looked up when a workbench is made, not bound here, so the commands holding this register (and answer
 * {@code --help}) before the engines start. {@code evaluate} uses the parts directly, with the runner it is told.
 */
@Component(service = Workbenches.class)
public final class Workbenches {
    @Reference
    private TrainingPlugins plugins;
    @Reference
    private InputEncoder encoder;
    @Reference
    private ModelRegistry registry;

    TrainingPlugins plugins() {
        return plugins;
    }

    InputEncoder encoder() {
        return encoder;
    }

    ModelRegistry registry() {
        return registry;
    }

    /** A workbench for {@code trainer}; waits for the PyTorch runner while the engine starts. */
    Workbench of(Trainer trainer) throws IOException {
        return new Workbench(trainer, encoder, plugins.runner("pytorch"), registry);
    }
}
