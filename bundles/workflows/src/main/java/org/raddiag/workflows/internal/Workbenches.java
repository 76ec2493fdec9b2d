package org.raddiag.workflows.internal;

import java.io.IOException;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.model.InputEncoder;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.api.train.Trainer;

/**
 * The services a training workflow needs: the trainer and dataset plugins, the input encoder, the PyTorch runner
 * (evaluation) and the registry, handed out as a {@link Workbench} for a chosen trainer. The runner is looked up when
 * a workbench is made, so the commands holding this register (and answer {@code --help}) before the engines start;
 * the others are looked up when first asked for (DS lookup strategy, the same mandatory references), so that
 * activating a command for its {@code --help} or its summary ({@code commands}) activates none of the plugins.
 * {@code evaluate} uses the parts directly, with the runner it is told.
 */
@Component(service = Workbenches.class, reference = {
    @Reference(name = Workbenches.PLUGINS, service = TrainingPlugins.class),
    @Reference(name = Workbenches.ENCODER, service = InputEncoder.class),
    @Reference(name = Workbenches.REGISTRY, service = ModelRegistry.class)})
public final class Workbenches {
    static final String PLUGINS = "plugins";
    static final String ENCODER = "encoder";
    static final String REGISTRY = "registry";

    private ComponentContext component;

    @Activate
    void activate(ComponentContext cc) {
        component = cc;
    }

    TrainingPlugins plugins() {
        return (TrainingPlugins) component.locateService(PLUGINS);
    }

    InputEncoder encoder() {
        return (InputEncoder) component.locateService(ENCODER);
    }

    ModelRegistry registry() {
        return (ModelRegistry) component.locateService(REGISTRY);
    }

    /** A workbench for {@code trainer}; waits for the PyTorch runner while the engine starts. */
    Workbench of(Trainer trainer) throws IOException {
        return new Workbench(trainer, encoder(), plugins().runner("pytorch"), registry());
    }
}
