package org.raddiag.model.runner;

import ai.djl.nn.Block;
import java.io.IOException;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.KnowledgeHead;
import org.raddiag.api.model.ScanEncoder;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;

/** Builds an uninitialised RadNet from the backbone and head plugins an architecture names. */
final class NetworkAssembly {
    private NetworkAssembly() {
    }

    static String backboneName(ArchitectureConfig arch) {
        return arch.get(ArchitectureConfig.BACKBONE, "resnet50");
    }

    static String headName(ArchitectureConfig arch) {
        return arch.get(ArchitectureConfig.HEAD, "mlp");
    }

    static RadNet build(ArchitectureConfig arch, ScanEncoder encoder, KnowledgeHead head) throws IOException {
        if (!encoder.supports(Block.class) || !head.supports(Block.class)) {
            throw new IOException("backbone '" + backboneName(arch) + "' or head '" + headName(arch)
                    + "' cannot build DJL blocks");
        }
        return RadNet.assemble(RadNetConfig.from(arch), encoder.build(Block.class, arch), encoder.featureWidth(arch),
                head.build(Block.class, arch));
    }
}
