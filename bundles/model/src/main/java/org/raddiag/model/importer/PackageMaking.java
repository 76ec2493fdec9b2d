package org.raddiag.model.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.model.assembly.NetworkAssembler;

/**
 * What the {@code import} and {@code init-model} commands make a model package with, bound once for both: the model
 * registry, the network assembler and whether the PyTorch engine is ready (not waited for outside OSGi).
 */
@Component(service = PackageMaking.class)
public final class PackageMaking {
    @Reference
    private ModelRegistry registry;

    @Reference
    private NetworkAssembler assembler;

    @Reference
    private PyTorchReady pytorch;

    /** For DS. */
    public PackageMaking() {
    }

    /** Outside OSGi (tests): the engine is loaded by whoever builds networks. */
    PackageMaking(ModelRegistry registry, NetworkAssembler assembler) {
        this.registry = registry;
        this.assembler = assembler;
    }

    NetworkAssembler assembler() {
        return assembler;
    }

    /** Installs {@code weights} with the rest as a new package ({@link Drafts#create}); what was installed. */
    ModelRef install(ModelRef ref, ArchitectureConfig arch, LabelSet labels, double[] thresholds,
            Map<String, String> provenance, StateDict weights) throws IOException {
        return Drafts.create(registry, ref, arch, labels, thresholds, provenance, weights);
    }

    /** The folder of an installed package, or null. */
    Path folder(ModelRef installed) {
        return registry.find(installed).map(p -> p.weights().getParent()).orElse(null);
    }

    /** Returns once the PyTorch engine can build networks, waiting while it starts. */
    void awaitPyTorch() throws IOException {
        if (pytorch != null) {
            pytorch.await();
        }
    }
}
