package org.raddiag.onnx.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelComponent;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.support.osgi.NamedServices;

/**
 * Converters by block type; the exporter component fills it from services, {@code OnnxExporters.standalone} from
 * {@link #builtIn()} and the converters and components it is given. When
 * several converters claim one type, the platform's one rule picks one (highest {@code service.ranking}, then lowest
 * {@code service.id}; converters added without properties after services, in the order they came), and removing it
 * falls back to the next one. Public only for {@code org.raddiag.onnx.OnnxExporters} (the package is not exported).
 */
public final class Converters {
    private static final ArchitectureConfig NO_SETTINGS = new ArchitectureConfig(Map.of());
    private final NamedServices<BlockConverter> byType = new NamedServices<>("ONNX converter");
    private final NamedServices<ModelComponent> components = new NamedServices<>("model component");

    /** The converters this bundle brings (the shared blocks; backbones and heads bring their own). */
    public static Converters builtIn() {
        return new Converters().add("attention1d", SharedBlockConverters::attention1d)
                .add("vitfuse", SharedBlockConverters::vitFuse);
    }

    /** A converter (service properties as DS passes them, or null). */
    void add(BlockConverter c, Map<String, ?> properties) {
        byType.add(typeOf(c, properties), c, properties);
    }

    /** A converter without service properties (tests outside OSGi); this, for chaining. */
    public Converters add(BlockConverter c) {
        add(c, null);
        return this;
    }

    /** A converter of {@code blockType} without service properties (e.g. a method reference); this, for chaining. */
    public Converters add(String blockType, BlockConverter c) {
        byType.add(blockType, c, null);
        return this;
    }

    /** The converters by block type, as the exporter component follows them. */
    NamedServices<BlockConverter> byType() {
        return byType;
    }

    /** The model components that may build a converter, as the exporter component follows them. */
    NamedServices<ModelComponent> components() {
        return components;
    }

    void remove(BlockConverter c, Map<String, ?> properties) {
        byType.remove(typeOf(c, properties), c, properties);
    }

    /** Its {@code raddiag.block} service property, else its {@link BlockConverter#blockType}. */
    static String typeOf(BlockConverter c, Map<String, ?> properties) {
        Object block = properties == null ? null : properties.get(BlockConverter.BLOCK);
        String type = block != null ? block.toString() : c.blockType();
        if (type == null) {
            throw new IllegalArgumentException("ONNX converter " + c.getClass().getName() + " names no block type"
                    + " (no " + BlockConverter.BLOCK + " property, no blockType()); a model component's converter is"
                    + " built by the component instead");
        }
        return type;
    }

    /** A model component plugin without service properties (outside OSGi); this, for chaining. */
    public Converters addComponent(ModelComponent c) {
        addComponent(c, null);
        return this;
    }

    /** A model component plugin that may build a {@link BlockConverter} for its own name. */
    void addComponent(ModelComponent c, Map<String, ?> properties) {
        components.add(c.name(), c, properties);
    }

    void removeComponent(ModelComponent c, Map<String, ?> properties) {
        components.remove(c.name(), c, properties);
    }

    /** Block types a converter is available for (services, and component plugins that build one). */
    synchronized Set<String> types() {
        Set<String> out = new TreeSet<>();
        out.addAll(byType.names());
        for (String t : components.names()) {
            if (components.all(t).stream().anyMatch(c -> c.supports(BlockConverter.class))) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The converter for {@code blockType}, or null: a registered converter service, else one built by the first model
     * component of that name (same rule) that {@link ModelComponent#supports supports} {@code BlockConverter}.
     */
    BlockConverter get(String blockType) {
        BlockConverter registered = byType.get(blockType);
        if (registered != null || blockType == null) {
            return registered;
        }
        for (ModelComponent c : components.all(blockType)) {
            if (c.supports(BlockConverter.class)) {
                return c.build(BlockConverter.class, NO_SETTINGS); // settings come with each BlockCall
            }
        }
        return null;
    }
}
