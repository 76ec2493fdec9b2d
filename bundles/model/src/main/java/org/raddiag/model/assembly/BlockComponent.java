package org.raddiag.model.assembly;

import java.util.Map;
import java.util.function.Supplier;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelComponent;

/**
 * A backbone or head plugin that builds one DJL block type, written once: its name, {@link #supports} for that
 * type and {@link #build} through {@link ComponentBlocks}, so a plugin says only how to make its block. Extend it
 * and implement the component's service type, e.g.
 * {@code final class TinyCnnBackbone extends BlockComponent<TinyCnn> implements SliceBackbone}. It may also build
 * the block's other forms, such as its ONNX converter, so that one service brings the block for every engine.
 *
 * @param <K> the block type built
 */
public abstract class BlockComponent<K> implements ModelComponent {
    private final String name;
    private final Class<K> block;
    private final Map<Class<?>, Supplier<?>> others;

    /** @param name the name the component is selected by, as in its service property */
    protected BlockComponent(String name, Class<K> block) {
        this(name, block, Map.of());
    }

    /**
     * @param others the block's other forms by type, each made fresh on request, e.g.
     *               {@code Map.of(BlockConverter.class, TinyCnnConverter::new)}: its ONNX converter
     */
    protected BlockComponent(String name, Class<K> block, Map<Class<?>, Supplier<?>> others) {
        this.name = name;
        this.block = block;
        this.others = Map.copyOf(others);
    }

    /** A fresh, uninitialised block for {@code config}. */
    protected abstract K create(ArchitectureConfig config);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public boolean supports(Class<?> blockType) {
        return blockType.isAssignableFrom(block) || others.containsKey(blockType);
    }

    @Override
    public final <B> B build(Class<B> blockType, ArchitectureConfig config) {
        Supplier<?> other = others.get(blockType);
        return other != null ? blockType.cast(other.get()) : ComponentBlocks.build(this, blockType, () -> create(config));
    }
}
