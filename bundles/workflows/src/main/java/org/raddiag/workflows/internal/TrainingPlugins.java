package org.raddiag.workflows.internal;

import java.util.Map;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import java.io.IOException;
import org.osgi.service.component.annotations.Deactivate;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.model.ModelRunner;
import org.raddiag.api.train.DatasetLayout;
import org.raddiag.api.train.Trainer;
import org.raddiag.support.osgi.NamedServices;
import org.raddiag.support.osgi.TrackedServices;

/**
 * The trainer and dataset-layout plugins and the model runners, as services only: the workflows import no plugin,
 * so a second trainer or dataset plugin needs no change here. Selected by the name in their service property, with
 * the platform's one rule among several of a name ({@link NamedServices}). All three are followed
 * ({@link TrackedServices}), not referenced, so the workflow commands register (and answer {@code --help}) before a
 * native engine has started; a command that needs a runner waits for it ({@link #runner}).
 */
@Component(service = TrainingPlugins.class)
public final class TrainingPlugins {
    private final TrackedServices<Trainer> trainers;
    private final TrackedServices<DatasetLayout> layouts;
    private final TrackedServices<ModelRunner> runners;

    @Activate
    public TrainingPlugins(BundleContext context) {
        trainers = new TrackedServices<>(context, Trainer.class, "trainer plugin",
                (t, props) -> name(props, ServiceProperties.TRAINER, t.name()));
        layouts = new TrackedServices<>(context, DatasetLayout.class, "dataset layout plugin",
                (l, props) -> name(props, ServiceProperties.DATASET, l.name()));
        runners = new TrackedServices<>(context, ModelRunner.class, "model runner", (r, props) -> r.backend());
    }

    @Deactivate
    void deactivate() {
        trainers.close();
        layouts.close();
        runners.close();
    }

    /**
     * The model runner of {@code backend}, waiting while its engine starts ({@link NamedServices#DEFAULT_WAIT_MILLIS}).
     *
     * @throws IOException naming the backends there are, when none came in time
     */
    ModelRunner runner(String backend) throws IOException {
        return runners.require(backend);
    }

    /**
     * The trainer called {@code name}, or with {@code null} the only one installed.
     *
     * @throws IllegalArgumentException naming the installed trainers
     */
    Trainer trainer(String name) {
        if (name == null) {
            Set<String> names = trainers.services().names();
            if (names.size() != 1) {
                throw new IllegalArgumentException(names.isEmpty() ? "no trainer plugin is installed"
                        : "several trainer plugins are installed " + names + ": choose one with --trainer NAME");
            }
            name = names.iterator().next();
        }
        return pick(trainers.services(), "trainer plugin", name);
    }

    /** The dataset layout called {@code name} ({@code rp3d}, {@code phantom}, ...). */
    DatasetLayout layout(String name) {
        return pick(layouts.services(), "dataset layout plugin", name);
    }

    private static <T> T pick(NamedServices<T> services, String kind, String name) {
        T s = services.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no " + kind + " '" + name + "' is installed (installed: "
                    + services.names() + ")");
        }
        return s;
    }

    private static String name(Map<String, Object> props, String key, String fallback) {
        return props.get(key) instanceof String s ? s : fallback;
    }
}
