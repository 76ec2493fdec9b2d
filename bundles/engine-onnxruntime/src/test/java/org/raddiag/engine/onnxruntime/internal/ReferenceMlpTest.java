package org.raddiag.engine.onnxruntime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.raddiag.api.data.FloatTensor;

/** The test reference itself: erf against tabulated values, GELU against PyTorch's intermediate fixture. */
class ReferenceMlpTest {

    @Test
    void erfMatchesTabulatedValues() {
        assertEquals(0.0, ReferenceMlp.erf(0), 0);
        assertEquals(0.5204998778130465, ReferenceMlp.erf(0.5), 1e-15);
        assertEquals(0.8427007929497149, ReferenceMlp.erf(1), 1e-15);
        assertEquals(-0.9953222650189527, ReferenceMlp.erf(-2), 1e-15);
        assertEquals(0.9999779095030014, ReferenceMlp.erf(3), 1e-15);
        assertEquals(0.9999999845827421, ReferenceMlp.erf(4), 1e-15);
    }

    @Test
    void geluMatchesPyTorchFixture() throws IOException {
        Path dir = TestData.headMlpSmall();
        FloatTensor pre = Npy.read(dir.resolve("debug_pre_gelu.npy"));
        FloatTensor post = Npy.read(dir.resolve("debug_post_gelu.npy"));
        double[][] gelu = ReferenceMlp.gelu(ReferenceMlp.rows(pre));
        double max = TestData.maxAbsDiff(gelu, post);
        assertTrue(max < 1e-6, "max |reference GELU - torch| = " + max);
    }
}
