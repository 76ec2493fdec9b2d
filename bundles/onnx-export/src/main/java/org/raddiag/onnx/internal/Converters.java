package org.raddiag.onnx.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelComponent;
import org.raddiag.onnx.BlockConverter;

/**
 * Converters by block type; the exporter component fills it from services, tests from {@link #builtIn()}. When
 * several converters claim one type the most recently added wins, and removing it falls back to the previous one.
 * Public for the plugins' parity tests outside OSGi (the package is not exported).
 */
public final class Converters {
    private static final ArchitectureConfig NO_SETTINGS = new ArchitectureConfig(Map.of());
    private final Map<String, List<BlockConverter>> byType = new HashMap<>();
    private final Map<String, List<ModelComponent>> components = new HashMap<>();

    /** The converters this bundle registers as services. */
    public static Converters builtIn() {
        Converters c = new Converters();
        for (BlockConverter b : List.of(new ResNet18Converter(), new ResNet34Converter(), new ResNet50Converter(),
                new Attention1DConverter(), new VitFuseConverter(), new MlpHeadConverter())) {
            c.add(b);
        }
        return c;
    }

    public synchronized Converters add(BlockConverter c) {
        byType.computeIfAbsent(c.blockType(), k -> new ArrayList<>()).add(c);
        return this;
    }

    synchronized void remove(BlockConverter c) {
        List<BlockConverter> l = byType.get(c.blockType());
        if (l != null) {
            l.remove(c);
        }
    }

    /** A model component plugin that may build a {@link BlockConverter} for its own name. */
    synchronized void addComponent(ModelComponent c) {
        components.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
    }

    synchronized void removeComponent(ModelComponent c) {
        components.values().forEach(l -> l.remove(c));
    }

    /** Block types a converter is available for (services, and component plugins that build one). */
    synchronized Set<String> types() {
        Set<String> out = new TreeSet<>();
        byType.forEach((t, l) -> {
            if (!l.isEmpty()) {
                out.add(t);
            }
        });
        components.forEach((t, l) -> {
            if (l.stream().anyMatch(c -> c.supports(BlockConverter.class))) {
                out.add(t);
            }
        });
        return out;
    }

    /**
     * The converter for {@code blockType}, or null: a registered converter service, else one built by the newest
     * model component of that name that {@link ModelComponent#supports supports} {@code BlockConverter}.
     */
    synchronized BlockConverter get(String blockType) {
        List<BlockConverter> l = blockType == null ? null : byType.get(blockType);
        if (l != null && !l.isEmpty()) {
            return l.get(l.size() - 1);
        }
        List<ModelComponent> cs = blockType == null ? null : components.get(blockType);
        for (int i = cs == null ? -1 : cs.size() - 1; i >= 0; i--) {
            if (cs.get(i).supports(BlockConverter.class)) {
                return cs.get(i).build(BlockConverter.class, NO_SETTINGS); // settings come with each BlockCall
            }
        }
        return null;
    }
}
