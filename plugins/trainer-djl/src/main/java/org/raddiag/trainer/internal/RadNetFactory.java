package org.raddiag.trainer.internal;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;

/**
 * The only place that builds the network, so the switch to plugin backbones/heads
 * ({@code RadNet.assemble(config, backbone, featureWidth, head)}) is a one-file change.
 */
public final class RadNetFactory {
    private RadNetFactory() {
    }

    /** An initialised RadNet for {@code arch}; parameters are drawn from the engine's (seeded) generator. */
    public static RadNet create(ArchitectureConfig arch, NDManager manager) {
        RadNetConfig cfg = RadNetConfig.from(arch);
        RadNet net = new RadNet(cfg);
        int slots = arch.getInt(ArchitectureConfig.SLOTS);
        int size = arch.getInt(ArchitectureConfig.IMAGE_SIZE);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, slots, 1, size, size, cfg.depth()),
                new Shape(1, slots), new Shape(1, slots, cfg.depth()));
        return net;
    }
}
