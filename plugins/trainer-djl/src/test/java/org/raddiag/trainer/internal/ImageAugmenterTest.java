package org.raddiag.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageAugmenterTest {
    private static final long[] SHAPE = {1, 1, 1, 8, 8, 2};

    private static float[] ramp() {
        float[] a = new float[128];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 17) / 16f;
        }
        return a;
    }

    @Test
    void probabilityZeroLeavesImagesAloneOneFiresEverything() {
        float[] a = ramp();
        assertEquals(0, new ImageAugmenter(0).apply(a, SHAPE, new SplittableRandom(1)));
        assertArrayEquals(ramp(), a);
        int fired = new ImageAugmenter(1).apply(a, SHAPE, new SplittableRandom(1));
        assertEquals(ImageAugmenter.AFFINE | ImageAugmenter.NOISE | ImageAugmenter.CONTRAST, fired);
        assertNotEquals(ramp()[40], a[40]);
    }

    @Test
    void sameDrawGivesSameResult() {
        float[] a = ramp();
        float[] b = ramp();
        new ImageAugmenter(0.5).apply(a, SHAPE, new SplittableRandom(9));
        new ImageAugmenter(0.5).apply(b, SHAPE, new SplittableRandom(9));
        assertArrayEquals(a, b);
    }

    @Test
    void identityAffineKeepsAndTranslationShiftsWithZeroPadding() {
        float[] a = ramp();
        ImageAugmenter.affine(a, 1, 8, 8, 2, ImageAugmenter.affineMatrix(0, 1, 1, 0, 0), 0, 0);
        assertArrayEquals(ramp(), a, 1e-6f);
        float[] s = ramp();
        ImageAugmenter.affine(s, 1, 8, 8, 2, ImageAugmenter.affineMatrix(0, 1, 1, 0, 0), 0, 1); // reads x + 1
        float[] r = ramp();
        for (int y = 0; y < 8; y++) {
            for (int d = 0; d < 2; d++) {
                for (int x = 0; x < 7; x++) {
                    assertEquals(r[(y * 8 + x + 1) * 2 + d], s[(y * 8 + x) * 2 + d], 1e-6f);
                }
                assertEquals(0f, s[(y * 8 + 7) * 2 + d]);
            }
        }
    }

    @Test
    void rotationByAQuarterTurnMovesCorners() {
        float[] a = new float[16];
        a[0] = 1; // (y 0, x 0), D = 1
        ImageAugmenter.affine(a, 1, 4, 4, 1, ImageAugmenter.affineMatrix(Math.PI / 2, 1, 1, 0, 0), 0, 0);
        assertEquals(1f, a[3], 1e-6f); // output (0, 3) reads input (0 - ... ) = (0, 0)
        assertEquals(1f, java.util.stream.IntStream.range(0, 16).mapToDouble(i -> a[i]).sum(), 1e-6);
    }

    @Test
    void contrastIsMonaiAdjustContrast() {
        float[] a = {0f, 0.5f, 1f};
        ImageAugmenter.contrast(a, 2.0);
        assertArrayEquals(new float[] {0f, 0.25f, 1f}, a, 1e-6f);
        float[] b = {2f, 3f, 4f};
        ImageAugmenter.contrast(b, 1.0);
        assertArrayEquals(new float[] {2f, 3f, 4f}, b, 1e-6f);
    }

    @Test
    void noiseHasTheReferenceStd() {
        float[] a = new float[40000];
        ImageAugmenter.noise(a, ImageAugmenter.NOISE_STD, new SplittableRandom(3));
        double sq = 0;
        for (float v : a) {
            sq += v * v;
        }
        org.junit.jupiter.api.Assertions.assertEquals(0.07, Math.sqrt(sq / a.length), 0.002);
    }
}
