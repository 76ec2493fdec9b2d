package org.raddiag.model.importer;

import java.io.IOException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.support.osgi.NamedServices;
import org.raddiag.support.osgi.TrackedServices;

/**
 * Whether the PyTorch engine has loaded its natives. The {@code import} and {@code init-model} commands hold this
 * instead of the engine's service, so they register, and answer {@code --help}, before the engine has started, and
 * wait for it only when they build a network.
 */
@Component(service = PyTorchReady.class)
public final class PyTorchReady {
    private final TrackedServices<ComputeBackend> backends;

    @Activate
    public PyTorchReady(BundleContext context) {
        backends = TrackedServices.byProperty(context, ComputeBackend.class, "compute backend",
                ServiceProperties.BACKEND);
    }

    @Deactivate
    void deactivate() {
        backends.close();
    }

    /** Returns once the engine is ready, waiting while it starts ({@link NamedServices#DEFAULT_WAIT_MILLIS}). */
    void await() throws IOException {
        backends.require("pytorch");
    }
}
