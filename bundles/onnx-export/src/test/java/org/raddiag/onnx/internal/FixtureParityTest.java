package org.raddiag.onnx.internal;

import org.raddiag.onnx.testing.OrtRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.onnx.Weights;

/** Each converted transformer block against the stored reference outputs (PyTorch float32) within 1e-5. */
class FixtureParityTest {
    private static final double TOL = 1e-5;
    private static final ArchitectureConfig NO_SETTINGS = new ArchitectureConfig(Map.of());

    private static Weights weights(String fixture) throws Exception {
        return StateDictWeights.read(TestPaths.reference(fixture).resolve("weights.safetensors"));
    }

    /** The attention1d fixture block alone: inputs x, marks; outputs pooled, cls_attention. */
    private static byte[] attention1dModel() throws Exception {
        return SingleBlock.model(SharedBlockConverters::attention1d, NO_SETTINGS, weights("attention1d_small"),
                List.of(new SingleBlock.In("x", SingleBlock.FLOAT, 3), new SingleBlock.In("marks", SingleBlock.INT64, 2)),
                List.of("pooled", "cls_attention"), List.of(2, 2)).toByteArray();
    }

    /** The vitfuse fixture block alone with {@code settings}: inputs feats, mods; output fused. */
    private static byte[] vitFuseModel(ArchitectureConfig settings) throws Exception {
        return SingleBlock.model(SharedBlockConverters::vitFuse, settings, weights("vitfuse_small"),
                List.of(new SingleBlock.In("feats", SingleBlock.FLOAT, 3), new SingleBlock.In("mods", SingleBlock.INT64, 2)),
                List.of("fused"), List.of(2)).toByteArray();
    }

    @Test
    void attention1d() throws Exception {
        Npy.Array x = Npy.read("attention1d_small", "input_x");
        Npy.Array marks = Npy.read("attention1d_small", "input_marks");
        byte[] model = attention1dModel();
        try (OrtRun r = new OrtRun(model)) {
            List<float[]> out = r.floats("x", x.floats(), x.shape()).longs("marks", marks.longs(), marks.shape()).run();
            double pooled = OrtRun.maxAbsDiff(out.get(0), Npy.read("attention1d_small", "output_pooled").floats());
            float[] want = Npy.read("attention1d_small", "output_attn_cls").floats();
            double attn = OrtRun.maxAbsDiff(out.get(1), want);
            System.out.println("attention1d_small max|onnx - torch|: pooled " + pooled + ", CLS attention " + attn);
            assertTrue(pooled < TOL, "pooled diff " + pooled);
            assertTrue(attn < TOL, "attention diff " + attn);
            for (int j = 6; j < 9; j++) {
                assertEquals(0f, out.get(1)[9 + j], "masked slice " + (j - 1) + " of row 1 has exactly 0 attention");
            }
        }
    }

    @Test
    void attention1dWithFewerSlicesThanPositions() throws Exception {
        // Row 1 has 5 valid slices: given alone with D = 5 it must equal the padded, masked reference row.
        Npy.Array x = Npy.read("attention1d_small", "input_x");
        float[] row = new float[5 * 64];
        System.arraycopy(x.floats(), 8 * 64, row, 0, row.length);
        byte[] model = attention1dModel();
        try (OrtRun r = new OrtRun(model)) {
            float[] pooled = r.floats("x", row, 1, 5, 64).longs("marks", new long[] {1, 1, 1, 1, 1}, 1, 5).run().get(0);
            float[] want = new float[64];
            System.arraycopy(Npy.read("attention1d_small", "output_pooled").floats(), 64, want, 0, 64);
            double d = OrtRun.maxAbsDiff(pooled, want);
            assertTrue(d < TOL, "trimmed diff " + d);
        }
    }

    @Test
    void vitFuse() throws Exception {
        Npy.Array feats = Npy.read("vitfuse_small", "input_feats");
        Npy.Array mods = Npy.read("vitfuse_small", "input_mods");
        try (OrtRun r = new OrtRun(vitFuseModel(NO_SETTINGS))) {
            float[] out = r.floats("feats", feats.floats(), feats.shape()).longs("mods", mods.longs(), mods.shape())
                    .run().get(0);
            double d = OrtRun.maxAbsDiff(out, Npy.read("vitfuse_small", "output").floats());
            System.out.println("vitfuse_small max|onnx - torch| = " + d);
            assertTrue(d < TOL, "vitFuse diff " + d);
        }
    }

    @Test
    void wrongHeadCountIsVisible() throws Exception {
        // The fixture has 4 heads; exporting it with 1 must change the output (the test can fail).
        Npy.Array feats = Npy.read("vitfuse_small", "input_feats");
        Npy.Array mods = Npy.read("vitfuse_small", "input_mods");
        try (OrtRun r = new OrtRun(vitFuseModel(NO_SETTINGS.with(SharedBlockConverters.FUSION_HEADS, "1")))) {
            float[] out = r.floats("feats", feats.floats(), feats.shape()).longs("mods", mods.longs(), mods.shape())
                    .run().get(0);
            assertTrue(OrtRun.maxAbsDiff(out, Npy.read("vitfuse_small", "output").floats()) > 1e-3);
        }
    }
}
