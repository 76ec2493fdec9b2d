package org.raddiag.model.runner;

import ai.djl.nn.Block;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.KnowledgeHead;
import org.raddiag.api.model.ScanEncoder;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;

/** Builds an uninitialised RadNet from the backbone and head plugins an architecture names. */
final class NetworkAssembly {
    private NetworkAssembly() {
    }

    static RadNet build(ArchitectureConfig arch, Map<String, ScanEncoder> encoders, Map<String, KnowledgeHead> heads)
            throws IOException {
        String backboneName = arch.get(ArchitectureConfig.BACKBONE, "resnet50");
        String headName = arch.get(ArchitectureConfig.HEAD, "mlp");
        ScanEncoder encoder = encoders.get(backboneName);
        if (encoder == null) {
            throw new IOException("no backbone plugin '" + backboneName + "' is installed (installed: "
                    + Set.copyOf(encoders.keySet()) + ")");
        }
        KnowledgeHead head = heads.get(headName);
        if (head == null) {
            throw new IOException("no head plugin '" + headName + "' is installed (installed: "
                    + Set.copyOf(heads.keySet()) + ")");
        }
        if (!encoder.supports(Block.class) || !head.supports(Block.class)) {
            throw new IOException("backbone '" + backboneName + "' or head '" + headName + "' cannot build DJL blocks");
        }
        return RadNet.assemble(RadNetConfig.from(arch), encoder.build(Block.class, arch), encoder.featureWidth(arch),
                head.build(Block.class, arch));
    }
}
