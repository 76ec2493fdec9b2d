package org.raddiag.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SliceResamplerTest {
    @Test
    void upsamplesLikeTorchBilinearAlignCornersFalse() {
        // torch.nn.functional.interpolate(x, scale_factor=2, mode='bilinear', align_corners=False)
        float[] out = SliceResampler.resize(new float[] {0, 1, 2, 3}, 2, 2, 4, 4);
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1, 0.5f, 0.75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f, 2,
                2.25f, 2.75f, 3}, out);
    }

    @Test
    void downsamplesWithoutAntialiasing() {
        float[] in = {0, 1, 2, 3, 4, 5, 6, 7};
        assertArrayEquals(new float[] {0.5f, 2.5f, 4.5f, 6.5f}, SliceResampler.resize(in, 8, 1, 4, 1));
        // non-integer ratio 3 -> 2: sources 0.25 and 1.75
        assertArrayEquals(new float[] {0.25f, 1.75f}, SliceResampler.resize(new float[] {0, 1, 2}, 3, 1, 2, 1));
    }

    @Test
    void keepsSameSizeAndRemapsKeys() {
        float[] in = {1, 2};
        assertSame(in, SliceResampler.resize(in, 2, 1, 2, 1));
        int[] idx = SliceResampler.depthIndices(100, 32);
        assertEquals(3, idx[1]);
        assertEquals(96, idx[31]);
        assertEquals(31, SliceResampler.remapKey(99, idx));
        assertEquals(0, SliceResampler.remapKey(1, idx));
    }
}
