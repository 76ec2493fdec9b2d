package org.raddiag.support.engine;

import java.util.Set;
import org.raddiag.api.model.LoadedModel;
import org.raddiag.api.model.ModelClosedException;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.model.ModelOutput;
import org.raddiag.api.model.ModelPackage;

/**
 * What every engine's {@link LoadedModel} shares: the package, backend and component names it reports, and the
 * {@link CloseGate} that lets predictions run concurrently while {@link #close()} waits for them before it frees
 * the engine's memory. An engine supplies only the forward pass and the release.
 */
public abstract class GatedLoadedModel implements LoadedModel {
    private final ModelPackage model;
    private final String backend;
    private final Set<String> components;
    private final CloseGate gate = new CloseGate();

    protected GatedLoadedModel(ModelPackage model, String backend, Set<String> components) {
        this.model = model;
        this.backend = backend;
        this.components = Set.copyOf(components);
    }

    @Override
    public final ModelPackage model() {
        return model;
    }

    @Override
    public final String backend() {
        return backend;
    }

    @Override
    public final Set<String> components() {
        return components;
    }

    @Override
    public final ModelOutput predict(ModelInput in) {
        return gate.call(() -> new ModelClosedException("model " + model.ref() + " on " + backend + " is closed"),
                () -> forward(in));
    }

    @Override
    public final void close() {
        gate.close(this::release);
    }

    /** The forward pass; runs only while the model is open, concurrently with other calls. */
    protected abstract ModelOutput forward(ModelInput in);

    /** Frees the engine's memory; called once, after the calls in flight have finished. */
    protected abstract void release();
}
