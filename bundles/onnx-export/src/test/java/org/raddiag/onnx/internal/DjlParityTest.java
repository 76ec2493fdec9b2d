package org.raddiag.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.blocks.ResNet2D;
import org.raddiag.onnx.OnnxExporter;

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
    void smallRadNetHidden64() throws Exception {
        radNet(64);
    }

    @Test
    void smallRadNetWithoutProjection() throws Exception {
        radNet(512);
    }

    private void radNet(int hidden) throws Exception {
        SmallRadNet n = new SmallRadNet(manager, hidden, 7);
        byte[] model = new Exporter(Converters.builtIn()).export(n.arch, n.weights);
        int b = SmallRadNet.B;
        int s = SmallRadNet.SLOTS;
        int d = SmallRadNet.DEPTH;
        try (OrtRun r = new OrtRun(model)) {
            List<float[]> got = r.floats(OnnxExporter.INPUT_IMAGES, n.images, b, s, 1, SmallRadNet.SIZE,
                    SmallRadNet.SIZE, d).longs(OnnxExporter.INPUT_MODS, SmallRadNet.MODS, b, s)
                    .longs(OnnxExporter.INPUT_MARKS, SmallRadNet.MARKS, b, s, d).run();
            double dl = OrtRun.maxAbsDiff(got.get(0), n.logits);
            double da = OrtRun.maxAbsDiff(got.get(1), n.attention);
            System.out.println("RadNet resnet18 hidden " + hidden + ": max|logit onnx - djl| = " + dl
                    + " (max |logit| " + maxAbs(n.logits) + "), max|slice attention diff| = " + da);
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
