package org.raddiag.model.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TorchCheckpoint;
import org.raddiag.model.testutil.Arrays2;
import org.raddiag.model.testutil.Npy;
import org.raddiag.model.testutil.TestData;
import org.raddiag.testsupport.DjlTest;

/**
 * Outputs of the shared blocks against the reference fixtures, weights from weights.bin and weights.safetensors (the
 * MLP head's parity test is in its plugin).
 */
class BlockParityTest extends DjlTest {
    private static final double TOL = 1e-5;
    static StateDict weights(String fixture, String file) throws IOException {
        Path p = TestData.reference(fixture, file);
        return file.endsWith(".bin") ? TorchCheckpoint.read(p) : SafetensorsFile.read(p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"weights.bin", "weights.safetensors"})
    void attention1d(String file) throws IOException {
        String f = "attention1d_small";
        Attention1D block = new Attention1D(64, 8, 1, 1, 64);
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 8, 64), new Shape(2, 8));
        LoadReport r = StateDictLoader.loadStrict(block, weights(f, file), "");
        assertEquals(18, r.loaded().size());
        assertEquals(48 - 18, r.ignored().size());
        NDArray x = Arrays2.create(manager, Npy.read(f, "input_x.npy"));
        NDArray marks = Arrays2.create(manager, Npy.read(f, "input_marks.npy"));
        NDList out = block.forwardWithTrace(ps, new NDList(x, marks), false);
        Arrays2.assertClose(Npy.read(f, "output_pooled.npy"), out.get(0), TOL, "pooled");
        Arrays2.assertClose(Npy.read(f, "output_attn_cls.npy"), out.get(1), TOL, "attn_cls");
        Arrays2.assertClose(Npy.read(f, "output_score_cls.npy"), out.get(2), TOL, "score_cls");
        Arrays2.assertClose(Npy.read(f, "debug_encoder_input.npy"), out.get(3), TOL, "encoder_input");
        Arrays2.assertClose(Npy.read(f, "debug_encoder_output.npy"), out.get(4), TOL, "encoder_output");
        Arrays2.assertClose(Npy.read(f, "debug_layer0_attn.npy"), out.get(5), TOL, "layer0_attn");
        Arrays2.assertClose(Npy.read(f, "debug_layer0_scores.npy"), out.get(6), TOL, "layer0_scores");
        Arrays2.assertClose(Npy.read(f, "debug_layer0_out.npy"), out.get(7), TOL, "layer0_out");
        float[] probs = out.get(1).toFloatArray();
        float[] scores = out.get(2).toFloatArray();
        for (int j = 6; j < 9; j++) { // row 1, slices 5..7 masked
            assertEquals(0f, probs[9 + j]);
            assertEquals(-1e9f, scores[9 + j]);
        }
        assertEquals(3, block.forward(ps, new NDList(x, marks), false).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"weights.bin", "weights.safetensors"})
    void vitFuse(String file) throws IOException {
        String f = "vitfuse_small";
        VitFuse block = new VitFuse(16, 64, 4, 2, 64);
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 4, 64), new Shape(2, 4));
        StateDictLoader.loadStrict(block, weights(f, file), "");
        Npy feats = Npy.read(f, "input_feats.npy");
        NDArray x = Arrays2.create(manager, feats);
        NDArray mods = Arrays2.create(manager, Npy.read(f, "input_mods.npy"));
        NDList out = block.forwardWithTrace(ps, new NDList(x, mods), false);
        Arrays2.assertClose(Npy.read(f, "output.npy"), out.get(0), TOL, "output");
        Arrays2.assertClose(Npy.read(f, "debug_encoder_input.npy"), out.get(1), TOL, "encoder_input");
        assertEquals(java.util.Arrays.toString(Npy.read(f, "debug_encoder_mask.npy").longs()),
                java.util.Arrays.toString(out.get(2).toType(DataType.INT64, false).toLongArray()));
        Arrays2.assertClose(Npy.read(f, "debug_encoder_output.npy"), out.get(3), TOL, "encoder_output");
        Arrays2.assertClose(Npy.read(f, "debug_last_layer_attn.npy"), out.get(4), TOL, "last_attn");
        Arrays2.assertClose(Npy.read(f, "debug_last_layer_scores.npy"), out.get(5), TOL, "last_scores");
        Arrays2.assertClose(Npy.read(f, "debug_layer0_out.npy"), out.get(6), TOL, "layer0_out");
        Arrays2.assertClose(Npy.read(f, "debug_layer1_out.npy"), out.get(7), TOL, "layer1_out");
        Arrays2.assertClose(feats, x, 0, "input must not be modified");
    }

    @Test
    void strictLoadReportsMissingAndUnexpected() throws IOException {
        StateDict sd = weights("head_mlp_small", "weights.bin"); // another block's weights
        Attention1D attention = new Attention1D(64, 8, 1, 1, 64);
        attention.initialize(manager, DataType.FLOAT32, new Shape(1, 8, 64), new Shape(1, 8));
        LoadReport r = StateDictLoader.load(attention, sd, "", ReferenceKeys::isKnownUnused);
        assertEquals(4, r.unexpected().size());
        assertTrue(r.missing().contains("cls_token"), r.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateDictLoader.loadStrict(attention, sd, ""));
        assertTrue(e.getMessage().contains("0.weight"), e.getMessage());
    }
}
