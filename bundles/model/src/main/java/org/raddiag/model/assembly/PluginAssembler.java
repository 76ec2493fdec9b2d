package org.raddiag.model.assembly;

import ai.djl.nn.Block;
import java.io.IOException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ClassifierHead;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.model.assembly.internal.ComponentDirectory;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;

/**
 * {@link NetworkAssembler} over the backbones and heads added to it: the DS service adds the registered plugins as
 * they come and go; code outside OSGi (tests, tools) adds plugin components itself.
 */
public class PluginAssembler implements NetworkAssembler {
    private final ComponentDirectory<SliceBackbone> backbones = new ComponentDirectory<>(BACKBONE);
    private final ComponentDirectory<ClassifierHead> heads = new ComponentDirectory<>(HEAD);

    /**
     * An assembler with every backbone and head plugin that {@code loader} sees through the
     * {@code META-INF/services} files the plugins ship: the way a plain-Java embedding (or a test) gets the real
     * plugins outside OSGi without touching their private packages.
     */
    public static PluginAssembler fromServiceLoader(ClassLoader loader) {
        PluginAssembler a = new PluginAssembler();
        for (SliceBackbone b : ServiceLoader.load(SliceBackbone.class, loader)) {
            a.addBackbone(b.name(), b);
        }
        for (ClassifierHead h : ServiceLoader.load(ClassifierHead.class, loader)) {
            a.addHead(h.name(), h);
        }
        return a;
    }

    public void addBackbone(String name, SliceBackbone backbone) {
        backbones.add(name, backbone);
    }

    public void removeBackbone(String name, SliceBackbone backbone) {
        backbones.remove(name, backbone);
    }

    public void addHead(String name, ClassifierHead head) {
        heads.add(name, head);
    }

    public void removeHead(String name, ClassifierHead head) {
        heads.remove(name, head);
    }

    /** Wakes every waiting {@link #assemble}, which then fails: the assembler is going away. */
    public void close() {
        backbones.close();
        heads.close();
    }

    @Override
    public Set<String> installed(String kind) {
        switch (kind) {
            case BACKBONE:
                return backbones.names();
            case HEAD:
                return heads.names();
            default:
                throw new IllegalArgumentException("unknown plugin kind '" + kind + "' (backbone, head)");
        }
    }

    @Override
    public AssembledNetwork assemble(ArchitectureConfig arch, long waitMillis) throws IOException {
        String fusion = arch.get(ArchitectureConfig.FUSION, "early");
        if (!"early".equals(fusion) && !"late".equals(fusion)) {
            throw new IOException("architecture setting 'fusion' is '" + fusion + "': no such fusion (built in: "
                    + "early, late)");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, waitMillis));
        String backboneName = NetworkAssembler.backboneName(arch);
        String headName = NetworkAssembler.headName(arch);
        SliceBackbone backbone = backbones.await(backboneName, deadline);
        ClassifierHead head = heads.await(headName, deadline);
        if (!backbone.supports(Block.class)) {
            throw new IOException("backbone plugin '" + backboneName + "' cannot build DJL blocks");
        }
        if (!head.supports(Block.class)) {
            throw new IOException("head plugin '" + headName + "' cannot build DJL blocks");
        }
        RadNet net;
        try {
            net = RadNet.assemble(RadNetConfig.from(arch), backbone.build(Block.class, arch),
                    backbone.featureWidth(arch), head.build(Block.class, arch));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new IOException("backbone '" + backboneName + "' and head '" + headName + "' cannot build the "
                    + "architecture " + arch + ": " + e.getMessage(), e);
        }
        return new AssembledNetwork(arch, net, Map.of(BACKBONE, backboneName, HEAD, headName),
                Map.of(BACKBONE, () -> backbones.isBound(backboneName, backbone),
                        HEAD, () -> heads.isBound(headName, head)));
    }
}
