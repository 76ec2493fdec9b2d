package org.raddiag.model.assembly;

import java.util.function.Supplier;
import org.raddiag.api.model.ModelComponent;

/**
 * The {@link ModelComponent#build} of a backbone or head plugin that builds DJL blocks, written once: the block for a
 * type the component {@link ModelComponent#supports supports}, else an {@link UnsupportedOperationException} naming
 * the component and the type asked for.
 */
public final class ComponentBlocks {
    private ComponentBlocks() {
    }

    /** {@code block}'s result as {@code blockType} if {@code component} supports that type; else refused. */
    public static <B> B build(ModelComponent component, Class<B> blockType, Supplier<?> block) {
        if (!component.supports(blockType)) {
            throw new UnsupportedOperationException(component.name() + " builds DJL blocks, not "
                    + blockType.getName());
        }
        return blockType.cast(block.get());
    }
}
