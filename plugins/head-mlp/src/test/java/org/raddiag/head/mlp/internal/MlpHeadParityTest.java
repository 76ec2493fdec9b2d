package org.raddiag.head.mlp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TorchCheckpoint;
import org.raddiag.model.blocks.LoadReport;
import org.raddiag.model.blocks.StateDictLoader;
import org.raddiag.testsupport.NpyFixture;
import org.raddiag.testsupport.TestData;

/** The MLP head against the reference fixture {@code head_mlp_small} (PyTorch float32), weights from both formats. */
class MlpHeadParityTest {
    private static final double TOL = 1e-5;
    private static final String FIXTURE = "head_mlp_small";

    private static StateDict weights(String file) throws IOException {
        Path p = TestData.reference(FIXTURE, file);
        return file.endsWith(".bin") ? TorchCheckpoint.read(p) : SafetensorsFile.read(p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"weights.bin", "weights.safetensors"})
    void logitsAndGeluActivationsMatchTheReference(String file) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpHead block = new MlpHead(64, 64, 10);
            block.initialize(m, DataType.FLOAT32, new Shape(4, 64));
            LoadReport r = StateDictLoader.loadStrict(block, weights(file), "");
            assertEquals(4, r.loaded().size());
            NpyFixture in = NpyFixture.reference(FIXTURE, "input");
            NDArray x = m.create(in.floats(), new Shape(in.shape()));
            NDList out = block.forwardWithTrace(new ParameterStore(m, false), new NDList(x), false);
            assertClose(NpyFixture.reference(FIXTURE, "output_logits"), out.get(0), "logits");
            assertClose(NpyFixture.reference(FIXTURE, "debug_pre_gelu"), out.get(1), "pre_gelu");
            assertClose(NpyFixture.reference(FIXTURE, "debug_post_gelu"), out.get(2), "post_gelu");
        }
    }

    @Test
    void strictLoadRefusesWeightsOfAnotherWidth() throws IOException {
        StateDict sd = weights("weights.bin");
        try (NDManager m = NDManager.newBaseManager()) {
            MlpHead wrongWidth = new MlpHead(64, 64, 11);
            wrongWidth.initialize(m, DataType.FLOAT32, new Shape(1, 64));
            assertThrows(IllegalArgumentException.class, () -> StateDictLoader.loadStrict(wrongWidth, sd, ""));
        }
    }

    private static void assertClose(NpyFixture want, NDArray got, String what) {
        assertEquals(new Shape(want.shape()), got.getShape(), what + " shape");
        float[] g = got.toFloatArray();
        double max = 0;
        for (int i = 0; i < g.length; i++) {
            max = Math.max(max, Math.abs((double) g[i] - want.floats()[i]));
        }
        assertTrue(max <= TOL, what + " differs by " + max);
    }
}
