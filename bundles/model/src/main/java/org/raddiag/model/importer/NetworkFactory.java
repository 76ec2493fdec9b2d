package org.raddiag.model.importer;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.model.blocks.ReferenceBlock;

/** Builds and initialises the network an architecture describes; the one place that knows how RadNet is made. */
final class NetworkFactory {
    private NetworkFactory() {
    }

    static ReferenceBlock build(NDManager manager, ArchitectureConfig arch) {
        RadNet net = new RadNet(RadNetConfig.from(arch));
        int slots = arch.getInt(ArchitectureConfig.SLOTS);
        int depth = arch.getInt(ArchitectureConfig.DEPTH);
        int size = arch.getInt(ArchitectureConfig.IMAGE_SIZE);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, slots, 1, size, size, depth), new Shape(1, slots),
                new Shape(1, slots, depth));
        return net;
    }
}
