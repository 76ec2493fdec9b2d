package org.raddiag.model.assembly;

import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelComponent;

/**
 * A backbone or head plugin that builds one DJL block type, written once: its name, {@link #supports} for that
 * type and {@link #build} through {@link ComponentBlocks}, so a plugin says only how to make its block. Extend it
 * and implement the component's service type, e.g.
 * {@code final class TinyCnnBackbone extends BlockComponent<TinyCnn> implements SliceBackbone}.
 *
 * @param <K> the block type built
 */
public abstract class BlockComponent<K> implements ModelComponent {
    private final String name;
    private final Class<K> block;

    /** @param name the name the component is selected by, as in its service property */
    protected BlockComponent(String name, Class<K> block) {
        this.name = name;
        this.block = block;
    }

    /** A fresh, uninitialised block for {@code config}. */
    protected abstract K create(ArchitectureConfig config);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public boolean supports(Class<?> blockType) {
        return blockType.isAssignableFrom(block);
    }

    @Override
    public final <B> B build(Class<B> blockType, ArchitectureConfig config) {
        return ComponentBlocks.build(this, blockType, () -> create(config));
    }
}
