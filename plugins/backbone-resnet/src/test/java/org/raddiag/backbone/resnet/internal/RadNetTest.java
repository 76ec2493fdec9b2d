package org.raddiag.backbone.resnet.internal;

import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.model.blocks.ReferenceBlock;
import org.raddiag.model.blocks.ReferenceKeys;
import org.raddiag.model.blocks.StateDictLoader;
import org.raddiag.model.blocks.LoadReport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.testsupport.TestData;
import org.raddiag.testsupport.DjlTest;

class RadNetTest extends DjlTest {
    @Test
    void tinyEarlyFusionShapesMaskAndEmptySlotExactness() {
        RadNetConfig cfg = new RadNetConfig(18, 4, 32, 7, 16, 1, 1, 4, 2, true);
        RadNet net = ReferenceNets.radNet(cfg);
        net.initialize(manager, DataType.FLOAT32, new Shape(2, 2, 1, 32, 32, 4), new Shape(2, 2), new Shape(2, 2, 4));
        manager.getEngine().setRandomSeed(3);
        NDArray images = manager.randomUniform(0f, 1f, new Shape(2, 2, 1, 32, 32, 4));
        NDArray mods = manager.create(new long[] {4, 7, 1, 0}, new Shape(2, 2, 1));
        NDArray marks = manager.create(new long[] {1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0}, new Shape(2, 2, 4));
        NDList out = net.forward(ps, new NDList(images, mods, marks), false);
        assertArrayEquals(new long[] {2, 7}, out.get(0).getShape().getShape());
        assertArrayEquals(new long[] {4, 5}, out.get(1).getShape().getShape());
        float[] scores = out.get(1).toFloatArray();
        float[] probs = out.get(2).toFloatArray();
        assertEquals(-1e9f, scores[5 + 4]); // slot 1, slice 3 masked
        assertEquals(0f, probs[5 + 4]);
        assertEquals(-1e9f, scores[10 + 3]);
        assertTrue(scores[10 + 2] > -1e8f);

        // Case 1 alone, without its empty slot, gives the same logits (eval mode: masking is exact).
        NDList alone = net.forward(ps, new NDList(images.get(new NDIndex("1:2, 0:1")),
                mods.get(new NDIndex("1:2, 0:1")), marks.get(new NDIndex("1:2, 0:1"))), false);
        NDArray diff = alone.get(0).sub(out.get(0).get(new NDIndex("1:2"))).abs().max();
        assertTrue(diff.getFloat() < 1e-5f, "diff " + diff.getFloat());
        assertArrayEquals(new String[0], net.referenceParameters().keySet().stream()
                .filter(k -> !k.matches("(resnet2D|projection|attention1D|vitFuse|fc)\\..*")).toArray(String[]::new));
    }

    @Test
    void resNet50TrunkShape() {
        ResNet2D r = new ResNet2D(50, 3);
        r.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 64, 64));
        NDArray out = r.forward(ps, new NDList(manager.ones(new Shape(2, 3, 64, 64))), false).head();
        assertArrayEquals(new long[] {2, 2048}, out.getShape().getShape());
        assertEquals(2048, r.featureWidth());
    }

    @Test
    void configFromArchitectureSettings() {
        RadNetConfig c = RadNetConfig.from(ArchitectureConfig.referenceDefault());
        assertEquals(RadNetConfig.reference(), c);
    }

    @Test
    void referenceSizeKeysShapesAndParameterCountMatchStateDictTable() throws IOException {
        Map<String, String> usedShapes = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(TestData.reference("state_dict_keys.tsv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split("\t", -1);
            if (c[4].equals("yes")) {
                usedShapes.put(c[0], c[1]);
            }
            assertEquals(c[4].equals("no"), ReferenceKeys.isKnownUnused(c[0]), c[0]);
        }
        RadNet net = ReferenceNets.radNet(RadNetConfig.reference());
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 4, 1, 256, 256, 32), new Shape(1, 4),
                new Shape(1, 4, 32));
        Map<String, Parameter> params = net.referenceParameters();
        Map<String, String> ours = new LinkedHashMap<>();
        long trainable = 0;
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            long[] s = e.getValue().getArray().getShape().getShape();
            ours.put(e.getKey(), java.util.Arrays.toString(s).replace(" ", ""));
            Parameter.Type t = e.getValue().getType();
            if (t != Parameter.Type.RUNNING_MEAN && t != Parameter.Type.RUNNING_VAR) {
                trainable += e.getValue().getArray().size();
            }
        }
        assertEquals(new java.util.TreeMap<>(usedShapes), new java.util.TreeMap<>(ours));
        assertEquals(114_774_529L, trainable);
    }
}
