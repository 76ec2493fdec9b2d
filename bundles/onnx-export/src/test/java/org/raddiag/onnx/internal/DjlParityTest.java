package org.raddiag.onnx.internal;

import org.raddiag.onnx.testing.OrtRun;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.raddiag.onnx.OnnxExporter;
import org.raddiag.testsupport.DjlTest;

/**
 * Whole RadNet graphs (shared blocks, with the test-only {@link TinyParts} backbone and head) against DJL with the same
 * random weights; each backbone and head plugin checks its own converter the same way.
 */
class DjlParityTest extends DjlTest {
    DjlParityTest() {
        super(11);
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
        radNet(TinyParts.WIDTH);
    }

    private void radNet(int hidden) throws Exception {
        SmallRadNet n = new SmallRadNet(manager, hidden, 7);
        byte[] model = new Exporter(TinyParts.converters()).export(n.arch, n.weights);
        int b = SmallRadNet.B;
        int s = SmallRadNet.SLOTS;
        int d = SmallRadNet.DEPTH;
        try (OrtRun r = new OrtRun(model)) {
            List<float[]> got = r.floats(OnnxExporter.INPUT_IMAGES, n.images, b, s, 1, SmallRadNet.SIZE,
                    SmallRadNet.SIZE, d).longs(OnnxExporter.INPUT_MODS, SmallRadNet.MODS, b, s)
                    .longs(OnnxExporter.INPUT_MARKS, SmallRadNet.MARKS, b, s, d).run();
            double dl = OrtRun.maxAbsDiff(got.get(0), n.logits);
            double da = OrtRun.maxAbsDiff(got.get(1), n.attention);
            System.out.println("RadNet (test backbone and head) hidden " + hidden + ": max|logit onnx - djl| = " + dl
                    + " (max |logit| " + OrtRun.maxAbs(n.logits) + "), max|slice attention diff| = " + da);
            assertTrue(dl < 1e-4, "logit diff " + dl);
            assertTrue(da < 1e-5, "attention diff " + da);
        }
    }
}
