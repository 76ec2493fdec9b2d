package org.raddiag.model.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelComponent;

class ComponentBlocksTest {
    /** Builds StringBuilders (a CharSequence); nothing else. */
    private static final ModelComponent TEXT = new ModelComponent() {
        @Override
        public String name() {
            return "text";
        }

        @Override
        public boolean supports(Class<?> blockType) {
            return blockType.isAssignableFrom(StringBuilder.class);
        }

        @Override
        public <B> B build(Class<B> blockType, ArchitectureConfig config) {
            return ComponentBlocks.build(this, blockType, () -> new StringBuilder("block"));
        }
    };

    @Test
    void aSupportedTypeOrSupertypeGetsTheBlock() {
        assertEquals("block", TEXT.build(CharSequence.class, null).toString());
        StringBuilder b = TEXT.build(StringBuilder.class, null);
        assertSame(StringBuilder.class, b.getClass());
    }

    @Test
    void anotherTypeIsRefusedNamingTheComponentAndTheType() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> TEXT.build(Integer.class, null));
        assertEquals("text builds DJL blocks, not java.lang.Integer", e.getMessage());
    }
}
