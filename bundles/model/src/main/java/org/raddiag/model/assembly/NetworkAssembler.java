package org.raddiag.model.assembly;

import java.io.IOException;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.raddiag.api.model.ArchitectureConfig;

/**
 * Builds RadNet from the plugins an architecture names ({@code backbone}, default {@code resnet50}; {@code head},
 * default {@code mlp}; {@code fusion} {@code early} or {@code late}, built in), so that every workflow trains,
 * imports, initialises and runs the same network for the same architecture. A service of {@code raddiag-model}.
 */
@ProviderType
public interface NetworkAssembler {
    /** How long workflows other than diagnosis wait for a plugin that is being replaced. */
    long DEFAULT_WAIT_MILLIS = 10_000;
    /** Plugin kinds, as in {@code raddiag.kind}. */
    String BACKBONE = "backbone";
    String HEAD = "head";

    /**
     * A fresh, uninitialised network for {@code architecture}. A named plugin that is not bound (its bundle is being
     * updated or reinstalled) is waited for up to {@code waitMillis}.
     *
     * @throws IOException naming the kind, the name and the installed alternatives when a plugin is missing, or
     *     saying why the architecture does not fit the plugins
     */
    AssembledNetwork assemble(ArchitectureConfig architecture, long waitMillis) throws IOException;

    /** Names of the bound plugins of {@code kind} ({@link #BACKBONE} or {@link #HEAD}). */
    Set<String> installed(String kind);

    /** Backbone name of {@code architecture} (its default when unset). */
    static String backboneName(ArchitectureConfig architecture) {
        return architecture.get(ArchitectureConfig.BACKBONE, "resnet50");
    }

    /** Head name of {@code architecture} (its default when unset). */
    static String headName(ArchitectureConfig architecture) {
        return architecture.get(ArchitectureConfig.HEAD, "mlp");
    }
}
