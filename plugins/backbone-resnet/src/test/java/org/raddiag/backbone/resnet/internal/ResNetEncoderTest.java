package org.raddiag.backbone.resnet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.model.blocks.BatchOfOneConv;
import org.raddiag.model.blocks.InferenceFolding;
import org.raddiag.model.blocks.ReferenceBlock;

class ResNetEncoderTest {
    private static final ArchitectureConfig CONFIG = ArchitectureConfig.referenceDefault();
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Encoder, name, width, trainable parameters without torchvision's unused fc. */
    static Stream<Arguments> encoders() {
        return Stream.of(Arguments.of(new ResNet50Encoder(), "resnet50", 2048, 23_508_032L),
                Arguments.of(new ResNet34Encoder(), "resnet34", 512, 21_284_672L),
                Arguments.of(new ResNet18Encoder(), "resnet18", 512, 11_176_512L));
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void buildsAFreshTrunkOfItsDepth(SliceBackbone encoder, String name, int width, long trainable) {
        assertEquals(name, encoder.name());
        assertEquals(width, encoder.featureWidth(CONFIG));
        assertTrue(encoder.supports(Block.class));
        assertFalse(encoder.supports(String.class));
        assertThrows(UnsupportedOperationException.class, () -> encoder.build(String.class, CONFIG));
        Block block = encoder.build(Block.class, CONFIG);
        assertNotSame(block, encoder.build(Block.class, CONFIG));

        block.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 40, 40));
        NDArray out = block.forward(new ParameterStore(manager, false),
                new NDList(manager.randomUniform(0f, 1f, new Shape(2, 3, 40, 40))), false).head();
        assertArrayEquals(new long[] {2, width}, out.getShape().getShape());
        assertArrayEquals(new Shape[] {new Shape(5, width)},
                block.getOutputShapes(new Shape[] {new Shape(5, 3, 8, 8)}));

        long count = 0;
        Map<String, Parameter> params = ReferenceBlock.referenceParameters(block);
        for (Parameter p : params.values()) {
            if (p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR) {
                count += p.getArray().size();
            }
        }
        assertEquals(trainable, count);
        assertTrue(params.containsKey("conv1.weight") && params.containsKey("layer4.1.bn1.running_var"));
        assertFalse(params.keySet().stream().anyMatch(k -> k.startsWith("fc.")));
    }

    /**
     * At inference, a single slice (its small convs run as {@link BatchOfOneConv}, to keep
     * libtorch off NNPACK) gives the features it gets beside another slice, plain and with BatchNorm folded.
     */
    @ParameterizedTest
    @MethodSource("encoders")
    void aSingleSliceGivesItsFeaturesInABatch(SliceBackbone encoder, String name, int width, long trainable) {
        Block block = encoder.build(Block.class, CONFIG);
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 48, 48));
        NDArray two = manager.randomUniform(0f, 1f, new Shape(2, 3, 48, 48));
        NDArray one = two.get("0:1");
        for (boolean folded : new boolean[] {false, true}) {
            if (folded) {
                InferenceFolding.prepareAll(block, manager);
            }
            ParameterStore ps = new ParameterStore(manager, false);
            float[] batch = block.forward(ps, new NDList(two), false).head().get("0").toFloatArray();
            float[] alone = block.forward(ps, new NDList(one), false).head().get("0").toFloatArray();
            assertEquals(width, alone.length);
            float scale = 0;
            for (float v : batch) {
                scale = Math.max(scale, Math.abs(v));
            }
            assertArrayEquals(batch, alone, 1e-5f * Math.max(1f, scale), name + (folded ? " folded" : " plain"));
        }
    }
}
