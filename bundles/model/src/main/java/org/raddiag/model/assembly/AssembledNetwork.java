package org.raddiag.model.assembly;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.blocks.RadNet;

/**
 * A network built by the {@link NetworkAssembler}, with the plugins it came from: long-running users (training)
 * ask {@link #lostComponent()} to stop cleanly when a plugin bundle goes away under them.
 */
public record AssembledNetwork(ArchitectureConfig architecture, RadNet network, Map<String, String> components,
        Map<String, BooleanSupplier> bound) {
    /**
     * @param network    the network, uninitialised until {@link #initialize}
     * @param components plugin name by kind ({@code backbone}, {@code head})
     * @param bound      per kind, whether the plugin instance the network was built from is still registered
     */
    public AssembledNetwork {
        components = Map.copyOf(components);
        bound = Map.copyOf(bound);
    }

    /** Names of the plugins the network uses (backbone and head). */
    public Set<String> componentNames() {
        return Set.copyOf(components.values());
    }

    /**
     * Initialises the network's parameters for the architecture's input sizes ({@code slots}, {@code depth},
     * {@code image_size}), drawing them from the engine's (seeded) generator; returns the network.
     */
    public RadNet initialize(NDManager manager) {
        int slots = architecture.getInt(ArchitectureConfig.SLOTS);
        int depth = architecture.getInt(ArchitectureConfig.DEPTH);
        int size = architecture.getInt(ArchitectureConfig.IMAGE_SIZE);
        network.initialize(manager, DataType.FLOAT32, new Shape(1, slots, 1, size, size, depth), new Shape(1, slots),
                new Shape(1, slots, depth));
        return network;
    }

    /**
     * Empty while every plugin the network was built from is registered; else which one went away (its bundle was
     * stopped, updated or uninstalled), so the caller can save its work and stop.
     */
    public Optional<String> lostComponent() {
        for (Map.Entry<String, BooleanSupplier> e : bound.entrySet()) {
            if (!e.getValue().getAsBoolean()) {
                return Optional.of(e.getKey() + " plugin '" + components.get(e.getKey()) + "' was removed (its bundle"
                        + " was stopped, updated or uninstalled)");
            }
        }
        return Optional.empty();
    }
}
