package org.raddiag.backbone.vit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.testsupport.Components;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;

class VitEncoderTest {
    private static final ArchitectureConfig SMALL = ArchitectureConfig.referenceDefault().with("backbone", "vit")
            .with("image_size", "16").with("depth", "3").with("hidden", "8").with("classes", "4")
            .with("vit.dim", "12").with("vit.depth", "1").with("vit.heads", "2").with("vit.dim_head", "4")
            .with("vit.patch", "4");

    @Test
    void settingsComeFromTheArchitectureWithReferenceDefaults() {
        assertEquals(VitSettings.reference(), VitSettings.from(ArchitectureConfig.referenceDefault()));
        VitSettings s = VitSettings.from(SMALL);
        assertEquals(new VitSettings(16, 4, 1, 12, 1, 2, 4, 12, 0.1f, 0.1f), s);
        assertEquals(16, s.patchDim());
        VitEncoder e = new VitEncoder();
        assertEquals("vit", e.name());
        assertEquals(12, e.featureWidth(SMALL));
        assertEquals(2048, e.featureWidth(ArchitectureConfig.referenceDefault()));
        assertTrue(e.supports(Block.class));
        assertFalse(e.supports(Runnable.class));
        assertThrows(UnsupportedOperationException.class, () -> e.build(Runnable.class, SMALL));
        assertThrows(IllegalArgumentException.class, () -> VitSettings.from(SMALL.with("vit.patch", "5")));
        assertThrows(IllegalArgumentException.class, () -> VitSettings.from(SMALL.with("vit.channels", "2")));
    }

    @Test
    void radNetOnTheVitTrainsAndSkipsPadding() {
        VitEncoder e = new VitEncoder();
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(8);
            RadNet net = RadNet.assemble(RadNetConfig.from(SMALL), e.build(Block.class, SMALL), e.featureWidth(SMALL),
                    Components.head("mlp").build(Block.class, new ArchitectureConfig(java.util.Map.of("hidden", "8", "classes", "4"))));
            Shape images = new Shape(2, 2, 1, 16, 16, 3);
            net.initialize(m, DataType.FLOAT32, images, new Shape(2, 2), new Shape(2, 2, 3));
            assertTrue(net.referenceParameters().containsKey("projection.weight"));
            assertTrue(net.referenceParameters().containsKey("resnet2D.pos_row"));
            NDList in = new NDList(m.randomUniform(0f, 1f, images), m.create(new long[] {2, 0, 5, 3}, new Shape(2, 2)),
                    m.create(new float[] {1, 1, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1}, new Shape(2, 2, 3)));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray skipped = net.forward(ps, in, false).get(0);
            net.setSkipPadding(false);
            assertTrue(skipped.sub(net.forward(ps, in, false).get(0)).abs().max().getFloat() < 1e-5f);
            net.setSkipPadding(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(net.forward(ps, in, true).get(0).sum());
            }
            NDArray g = net.referenceParameters().get("resnet2D.cls_token").getArray().getGradient();
            assertTrue(g.abs().sum().getFloat() > 0f);
        }
    }
}
