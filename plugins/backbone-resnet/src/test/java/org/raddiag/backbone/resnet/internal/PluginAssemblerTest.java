package org.raddiag.backbone.resnet.internal;

import org.raddiag.model.assembly.AssembledNetwork;
import org.raddiag.model.assembly.PluginAssembler;
import org.raddiag.model.assembly.NetworkAssembler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ClassifierHead;
import org.raddiag.model.importer.Architectures;

/** The assembler builds what the architecture names, refuses what is not installed, and tracks its plugins. */
class PluginAssemblerTest {
    private static final ArchitectureConfig DEMO = demo();

    private static ArchitectureConfig demo() {
        try {
            return Architectures.resolve("demo-small");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void buildsTheNamedPluginsAndInitialisesForTheArchitecture() throws IOException {
        AssembledNetwork n = ReferenceNets.assembler().assemble(DEMO, 0);
        assertEquals(Set.of("resnet18", "mlp"), n.componentNames());
        try (NDManager m = NDManager.newBaseManager()) {
            n.initialize(m);
            assertTrue(n.network().referenceParameters().containsKey("resnet2D.conv1.weight"));
            assertTrue(n.network().referenceParameters().containsKey("fc.2.weight"));
        }
        assertEquals(Optional.empty(), n.lostComponent());
    }

    @Test
    void missingPluginsAndFusionsAreNamedWithTheAlternatives() {
        PluginAssembler a = ReferenceNets.assembler();
        IOException b = assertThrows(IOException.class, () -> a.assemble(DEMO.with("backbone", "convnext"), 0));
        assertTrue(b.getMessage().contains("no backbone plugin 'convnext' is installed (installed: [resnet18, resnet34,"
                + " resnet50]"), b.getMessage());
        IOException h = assertThrows(IOException.class, () -> a.assemble(DEMO.with("head", "knowledge"), 0));
        assertTrue(h.getMessage().contains("no head plugin 'knowledge' is installed (installed: [mlp]"), h.getMessage());
        IOException f = assertThrows(IOException.class, () -> a.assemble(DEMO.with("fusion", "mid"), 0));
        assertTrue(f.getMessage().contains("'mid': no such fusion (built in: early, late)"), f.getMessage());
        assertEquals(Set.of("mlp"), a.installed(NetworkAssembler.HEAD));
    }

    @Test
    void aRemovedPluginIsReportedByTheNetworksBuiltFromIt() throws IOException {
        PluginAssembler a = new PluginAssembler();
        ClassifierHead head = ReferenceNets.mlpHead();
        a.addBackbone("resnet18", ReferenceNets.backbone(18));
        a.addHead("mlp", head);
        AssembledNetwork n = a.assemble(DEMO, 0);
        a.removeHead("mlp", ReferenceNets.mlpHead()); // another instance: not the one bound
        assertEquals(Optional.empty(), n.lostComponent());
        a.removeHead("mlp", head);
        assertEquals(Optional.of("head plugin 'mlp' was removed (its bundle was stopped, updated or uninstalled)"),
                n.lostComponent());
        a.addHead("mlp", ReferenceNets.mlpHead());
        assertTrue(n.lostComponent().isPresent(), "the network still holds the removed plugin's block");
        assertEquals(Optional.empty(), a.assemble(DEMO, 0).lostComponent());
    }
}
