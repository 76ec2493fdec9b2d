package org.raddiag.backbone.resnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.testsupport.DjlTest;

/** RadNet assembled from the plugin's block equals the model bundle's reference build with the same weights. */
class RadNetFromPluginTest extends DjlTest {
    RadNetFromPluginTest() {
        super(5);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 512}) // with and without projection
    void sameAsReferenceBuild(int hidden) {
        SliceBackbone encoder = new ResNet18Encoder();
        ArchitectureConfig arch = new ArchitectureConfig(Map.of("backbone", "resnet18", "depth", "3", "hidden",
                String.valueOf(hidden), "classes", "5", "fusion", "early"));
        RadNetConfig cfg = RadNetConfig.from(arch);
        RadNet plugin = RadNet.assemble(cfg, encoder.build(Block.class, arch), encoder.featureWidth(arch),
                ReferenceNets.mlpBlock(hidden, 5));
        RadNet reference = RadNet.assemble(cfg, new ResNet2D(18, 3), 512, ReferenceNets.mlpBlock(hidden, 5));
        Shape images = new Shape(1, 2, 1, 32, 32, 3);
        for (RadNet net : new RadNet[] {plugin, reference}) {
            net.initialize(manager, DataType.FLOAT32, images, new Shape(1, 2), new Shape(1, 2, 3));
        }
        Map<String, Parameter> dst = plugin.referenceParameters();
        assertEquals(reference.referenceParameters().keySet(), dst.keySet());
        assertEquals(hidden != 512, dst.containsKey("projection.weight"));
        reference.referenceParameters().forEach((k, p) -> dst.get(k).getArray().set(p.getArray().toFloatArray()));

        NDList in = new NDList(manager.randomUniform(0f, 1f, images),
                manager.create(new long[] {3, 5}, new Shape(1, 2)),
                manager.create(new float[] {1, 1, 0, 1, 1, 1}, new Shape(1, 2, 3)));
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray a = plugin.forward(ps, in, false).get(0);
        NDArray b = reference.forward(ps, in, false).get(0);
        assertEquals(0f, a.sub(b).abs().max().getFloat());
        assertTrue(a.abs().sum().getFloat() > 0f);
    }
}
