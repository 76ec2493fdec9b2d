package org.raddiag.example.tinycnn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.raddiag.api.model.ArchitectureConfig;

/**
 * The backbone's contract ({@code SliceBackbone}): {@code (N, 3, H, W)} in, {@code (N, F)} out, F its declared
 * feature width, parameters under the names its ONNX converter reads, and a clear error for a bad setting. ONNX
 * parity: {@link TinyCnnConverterTest}, and in the framework {@code ArchitecturePluginsIT}.
 */
class TinyCnnTest {
    private final TinyCnnBackbone backbone = new TinyCnnBackbone();

    @Test
    void encodesEachSliceToItsFeatureWidth() {
        ArchitectureConfig arch = ArchitectureConfig.referenceDefault().with(TinyCnnWidth.KEY, "8");
        assertEquals(8, backbone.featureWidth(arch));
        try (NDManager m = NDManager.newBaseManager()) {
            Block net = backbone.build(Block.class, arch);
            net.initialize(m, DataType.FLOAT32, new Shape(5, 3, 16, 16));
            NDList out = net.forward(new ParameterStore(m, false), new NDList(m.randomUniform(0, 1,
                    new Shape(5, 3, 16, 16))), false);
            assertArrayEquals(new long[] {5, 8}, out.head().getShape().getShape());
            assertTrue(out.head().gte(0).all().getBoolean(), "ReLU then average pooling is never negative");
            assertEquals(List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias"),
                    List.copyOf(((TinyCnn) net).referenceParameters().keySet()));
        }
    }

    @Test
    void refusesABadWidthNamingTheSetting() {
        ArchitectureConfig arch = ArchitectureConfig.referenceDefault().with(TinyCnnWidth.KEY, "7");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backbone.featureWidth(arch));
        assertTrue(e.getMessage().contains("tinycnn.width"), e.getMessage());
    }

    @Test
    void buildsOnlyDjlBlocks() {
        assertThrows(UnsupportedOperationException.class, () -> backbone.build(String.class,
                ArchitectureConfig.referenceDefault()));
    }
}
