package org.raddiag.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.model.blocks.ResNet2D;
import org.raddiag.onnx.OnnxExporter;
import org.raddiag.onnx.Weights;

/** Converted ResNet and whole RadNet graphs against the DJL reference blocks with the same random weights. */
class DjlParityTest {
    private NDManager manager;
    private ParameterStore ps;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        manager.getEngine().setRandomSeed(11);
        ps = new ParameterStore(manager, false);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void resNet50Trunk() throws Exception {
        ResNet2D net = new ResNet2D(50, 3);
        net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
        DjlNets.randomise(net, 5);
        NDArray x = manager.randomUniform(0f, 1f, new Shape(2, 3, 32, 32));
        float[] want = net.forward(ps, new NDList(x), false).head().toFloatArray();
        byte[] model = SingleBlock.model(new ResNet50Converter(), new ArchitectureConfig(Map.of()),
                DjlNets.weights(net, ""), List.of(new SingleBlock.In("x", SingleBlock.FLOAT, 4)),
                List.of("features"), List.of(2)).toByteArray();
        try (OrtRun r = new OrtRun(model)) {
            float[] got = r.floats("x", x.toFloatArray(), 2, 3, 32, 32).run().get(0);
            double d = OrtRun.maxAbsDiff(got, want);
            double rel = d / maxAbs(want);
            System.out.println("resnet50 trunk max|onnx - djl| = " + d + " (max |feature| " + maxAbs(want)
                    + ", relative " + rel + ")");
            // random weights without training let activations grow to ~1e5: compare relative to the largest one
            assertTrue(rel < 1e-5, "resnet50 relative diff " + rel);
        }
    }

    @Test
    void smallRadNetWithProjection() throws Exception {
        radNet(32);
    }

    @Test
    void smallRadNetWithoutProjection() throws Exception {
        radNet(512);
    }

    private void radNet(int hidden) throws Exception {
        int b = 2;
        int slots = 2;
        int depth = 4;
        RadNetConfig cfg = new RadNetConfig(18, depth, hidden, 5, 16, 1, 1, 4, 2, true);
        RadNet net = new RadNet(cfg);
        net.initialize(manager, DataType.FLOAT32, new Shape(b, slots, 1, 32, 32, depth), new Shape(b, slots),
                new Shape(b, slots, depth));
        DjlNets.randomise(net, 7);
        NDArray images = manager.randomUniform(0f, 1f, new Shape(b, slots, 1, 32, 32, depth));
        long[] mods = {4, 7, 1, 0};
        long[] marks = {1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0};
        NDList out = net.forward(ps, new NDList(images, manager.create(mods, new Shape(b, slots)),
                manager.create(marks, new Shape(b, slots, depth))), false);
        float[] logits = out.get(0).toFloatArray();
        float[] attention = out.get(2).get(new NDIndex(":, 1:")).toFloatArray();

        ArchitectureConfig arch = new ArchitectureConfig(Map.of(ArchitectureConfig.BACKBONE, "resnet18",
                ArchitectureConfig.IMAGE_SIZE, "32", ArchitectureConfig.DEPTH, "" + depth, ArchitectureConfig.SLOTS,
                "" + slots, ArchitectureConfig.HIDDEN, "" + hidden, ArchitectureConfig.CLASSES, "5",
                ArchitectureConfig.FUSION, "early", ArchitectureConfig.HEAD, "mlp"));
        Weights w = DjlNets.weights(net, "");
        byte[] model = new Exporter(Converters.builtIn()).export(arch, w);
        try (OrtRun r = new OrtRun(model)) {
            List<float[]> got = r.floats(OnnxExporter.INPUT_IMAGES, images.toFloatArray(), b, slots, 1, 32, 32, depth)
                    .longs(OnnxExporter.INPUT_MODS, mods, b, slots)
                    .longs(OnnxExporter.INPUT_MARKS, marks, b, slots, depth).run();
            double dl = OrtRun.maxAbsDiff(got.get(0), logits);
            double da = OrtRun.maxAbsDiff(got.get(1), attention);
            System.out.println("RadNet resnet18 hidden " + hidden + ": max|logit onnx - djl| = " + dl
                    + " (max |logit| " + maxAbs(logits) + "), max|slice attention diff| = " + da);
            assertTrue(dl < 1e-4, "logit diff " + dl);
            assertTrue(da < 1e-5, "attention diff " + da);
        }
    }

    static double maxAbs(float[] a) {
        double m = 0;
        for (float v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
