package org.raddiag.model.importer;

import java.io.IOException;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.support.osgi.NamedServices;

/**
 * Whether the PyTorch engine has loaded its natives. The {@code import} and {@code init-model} commands hold this
 * instead of the engine's service, so they register, and answer {@code --help}, before the engine has started, and
 * wait for it only when they build a network.
 */
@Component(service = PyTorchReady.class)
public final class PyTorchReady {
    private static final String PYTORCH = "pytorch";
    private final NamedServices<ComputeBackend> backends = new NamedServices<>("compute backend");

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + ServiceProperties.BACKEND + "=" + PYTORCH + ")")
    void addBackend(ComputeBackend b, Map<String, Object> props) {
        backends.add(PYTORCH, b, props);
    }

    void removeBackend(ComputeBackend b, Map<String, Object> props) {
        backends.remove(PYTORCH, b, props);
    }

    @Deactivate
    void deactivate() {
        backends.close();
    }

    /** Returns once the engine is ready, waiting while it starts ({@link NamedServices#DEFAULT_WAIT_MILLIS}). */
    void await() throws IOException {
        backends.require(PYTORCH);
    }
}
