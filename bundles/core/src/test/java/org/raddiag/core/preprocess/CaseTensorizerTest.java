package org.raddiag.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;

class CaseTensorizerTest {
    private static final LabelSet LABELS = new LabelSet("t", List.of("a", "b", "c"), 1, 1);

    private static Scan scan(int w, int h, int d, float base, int key) {
        float[] v = new float[w * h * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = base + i;
        }
        return new Scan(new Volume(v, w, h, d), Modality.CT, Plane.AXIAL, key, "s" + base);
    }

    private static Sample sample(Modality m, int n) {
        List<Scan> scans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            scans.add(scan(2, 2, 2, 10 * i, 1));
        }
        return new Sample(m, scans);
    }

    @Test
    void fillsSlotsByModalityViewLimitsAndTruncates() {
        Case c = new Case("x", List.of(sample(Modality.ULTRASOUND, 2), sample(Modality.CT, 4), sample(Modality.MRI, 2)),
                List.of("b", "zzz"));
        CaseTensors t = new CaseTensorizer(new TensorizerSettings(5, 4, 2, null)).tensorize(c, LABELS);
        assertArrayEquals(new long[] {9, 1, 2, 3, 4}, t.mods());
        assertArrayEquals(new long[] {1, 1, 1, 1, 1}, t.keys());
        assertArrayEquals(new long[] {1, 1, 0, 0}, java.util.Arrays.copyOf(t.marks(), 4));
        assertArrayEquals(new float[] {0, 1, 0}, t.labels().data());
        assertEquals(List.of("zzz"), t.unknownLabels());
        assertEquals(List.of("s0.0", "s0.0", "s10.0", "s20.0", "s0.0"), t.slotSources());
        assertArrayEquals(new long[] {5, 1, 2, 2, 4}, t.images().shape());
    }

    @Test
    void emptySlotsHaveNoKeyAndZeros() {
        Case c = new Case("x", List.of(sample(Modality.XRAY, 1)), List.of());
        CaseTensors t = new CaseTensorizer(new TensorizerSettings(3, 2, 2, null)).tensorize(c, LABELS);
        assertArrayEquals(new long[] {7, 0, 0}, t.mods());
        assertArrayEquals(new long[] {1, -1, -1}, t.keys());
        for (int i = 8; i < t.images().data().length; i++) {
            assertEquals(0f, t.images().data()[i]);
        }
    }

    @Test
    void normalisesPerSampleIncludingPaddingDepthLast() {
        // 1x1 image, 2 slices, values 5 and 7, padded to 4 slices: block min is the padding 0
        Scan s = new Scan(new Volume(new float[] {5, 7}, 1, 1, 2), Modality.CT, Plane.AXIAL, -1, "s");
        Case c = new Case("x", List.of(new Sample(Modality.CT, List.of(s))), List.of());
        CaseTensors t = new CaseTensorizer(new TensorizerSettings(1, 4, 1, null)).tensorize(c, LABELS);
        assertArrayEquals(new float[] {5f / 7f, 1f, 0f, 0f}, t.images().data());
        assertArrayEquals(new long[] {1, 1, 0, 0}, t.marks());
        assertArrayEquals(new long[] {-1}, t.keys());
    }

    @Test
    void constantBlockBecomesZerosNotNoise() {
        Scan s = new Scan(new Volume(new float[] {0, 0, 0, 0}, 2, 2, 1), Modality.MRI, Plane.AXIAL, 0, "s");
        Case c = new Case("x", List.of(new Sample(Modality.MRI, List.of(s))), List.of());
        CaseTensors t = new CaseTensorizer(new TensorizerSettings(1, 2, 2, null)).tensorize(c, LABELS);
        for (float f : t.images().data()) {
            assertEquals(0f, f);
        }
    }

    @Test
    void subsamplesDeepVolumesAndRemapsTheKey() {
        Scan s = scan(1, 1, 64, 0, 33);
        Case c = new Case("x", List.of(new Sample(Modality.CT, List.of(s))), List.of());
        CaseTensors t = new CaseTensorizer(new TensorizerSettings(1, 32, 1, null)).tensorize(c, LABELS);
        assertEquals(16, t.keys()[0]);
        float[] d = t.images().data();
        for (int j = 0; j < 32; j++) {
            assertEquals(2f * j / 62f, d[j], 1e-7, "slice " + j);
        }
        assertArrayEquals(new int[] {0, 1, 2, 3}, SliceResampler.depthIndices(5, 4));
        assertArrayEquals(new int[] {0, 2, 5, 7}, SliceResampler.depthIndices(10, 4));
        assertArrayEquals(new int[] {0, 1, 2}, SliceResampler.depthIndices(3, 4));
    }

    @Test
    void appliesCtWindowOnlyToCtWhenEnabled() {
        Scan ct = new Scan(new Volume(new float[] {-1000, 0, 100, 3000}, 2, 2, 1), Modality.CT, Plane.AXIAL, -1, "ct");
        Case c = new Case("x", List.of(new Sample(Modality.CT, List.of(ct))), List.of());
        float[] plain = new CaseTensorizer(new TensorizerSettings(1, 1, 2, null)).tensorize(c, LABELS).images().data();
        assertArrayEquals(new float[] {0f, 1000f / 4000f, 1100f / 4000f, 1f}, plain);
        float[] brain = new CaseTensorizer(new TensorizerSettings(1, 1, 2, CtWindow.BRAIN)).tensorize(c, LABELS)
                .images().data();
        assertArrayEquals(new float[] {0f, 0f, 1f, 1f}, brain); // clamped to [0, 80] HU
        Case mri = new Case("x", List.of(new Sample(Modality.MRI, List.of(ct.withModality(Modality.MRI)))), List.of());
        assertArrayEquals(plain, new CaseTensorizer(new TensorizerSettings(1, 1, 2, CtWindow.BRAIN))
                .tensorize(mri, LABELS).images().data());
    }

    @Test
    void resizesInPlaneBeforePlacing() {
        Scan s = new Scan(new Volume(new float[] {0, 1, 2, 3}, 2, 2, 1), Modality.XRAY, Plane.FRONTAL, 0, "x");
        Case c = new Case("x", List.of(new Sample(Modality.XRAY, List.of(s))), List.of());
        float[] d = new CaseTensorizer(new TensorizerSettings(1, 1, 4, null)).tensorize(c, LABELS).images().data();
        float[] expect = {0, 0.25f, 0.75f, 1, 0.5f, 0.75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f, 2, 2.25f, 2.75f, 3};
        for (int i = 0; i < 16; i++) {
            assertEquals(expect[i] / 3f, d[i], 1e-7);
        }
    }
}
