package org.raddiag.head.mlp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;

class MlpHeadComponentTest {
    private static final ArchitectureConfig ARCH = new ArchitectureConfig(Map.of("backbone", "resnet18", "depth", "2",
            "hidden", "16", "classes", "6", "fusion", "late", "head", "mlp"));

    /** A parameter-free test backbone (global average pooling of the 3 slice channels): the head is what is tested. */
    private static Block slicePooling() {
        return new SequentialBlock().add(Pool.globalAvgPool2dBlock());
    }

    @Test
    void buildsTheReferenceHeadInsideRadNet() {
        MlpHeadComponent c = new MlpHeadComponent();
        assertEquals("mlp", c.name());
        assertTrue(c.supports(Block.class));
        assertFalse(c.supports(Integer.class));
        assertEquals("mlp builds DJL blocks, not java.lang.Integer",
                assertThrows(UnsupportedOperationException.class, () -> c.build(Integer.class, ARCH)).getMessage());
        assertNotSame(c.build(Block.class, ARCH), c.build(Block.class, ARCH));
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(2);
            Block head = c.build(Block.class, ARCH);
            RadNet net = RadNet.assemble(RadNetConfig.from(ARCH), slicePooling(), 3, head);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 1, 32, 32, 2), new Shape(1, 1), new Shape(1, 1, 2));
            Map<String, Parameter> p = net.referenceParameters();
            assertEquals(new TreeSet<>(java.util.List.of("fc.0.bias", "fc.0.weight", "fc.2.bias", "fc.2.weight")),
                    new TreeSet<>(p.keySet().stream().filter(k -> k.startsWith("fc.")).toList()));
            assertEquals(new Shape(6, 16), p.get("fc.2.weight").getArray().getShape());

            // The head inside RadNet computes what a stand-alone MlpHead with the same weights computes.
            NDArray x = m.randomNormal(new Shape(3, 16));
            MlpHead alone = new MlpHead(16, 16, 6);
            alone.initialize(m, DataType.FLOAT32, new Shape(1, 16));
            alone.referenceParameters().forEach((k, q) -> q.getArray().set(p.get("fc." + k).getArray().toFloatArray()));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray a = head.forward(ps, new NDList(x), false).head();
            assertEquals(0f, a.sub(alone.forward(ps, new NDList(x), false).head()).abs().max().getFloat());
            assertEquals(new Shape(3, 6), a.getShape());
        }
    }
}
