package org.raddiag.dataset.phantom.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The organs of one case: a trunk (fat and muscle), lungs, heart, liver, spleen, kidneys, gallbladder, aorta and a
 * segmented spine, each jittered in position and size per case. Disorders may change the parts before
 * {@link #shapes()} turns them into the paint order.
 */
final class Anatomy {
    static final int SPINE_SEGMENTS = 8;

    final Part body;
    final Part lungRight;
    final Part lungLeft;
    final Part heart;
    final Part liver;
    final Part spleen;
    final Part kidneyRight;
    final Part kidneyLeft;
    final Part gallbladder;
    final Part aorta;
    final Part spine;
    /** Lateral offset of each spine segment (scoliosis bends it). */
    final double[] spineShift = new double[SPINE_SEGMENTS];

    Anatomy(SplitMix r) {
        body = new Part(0, 0.05, 0, 0.86, 0.64, 4).jitter(r, 0.03, 0.05);
        lungRight = new Part(-0.42, -0.02, -0.45, 0.29, 0.38, 0.55).jitter(r, 0.03, 0.08);
        lungLeft = new Part(0.42, -0.02, -0.45, 0.28, 0.38, 0.55).jitter(r, 0.03, 0.08);
        heart = new Part(0.10, -0.14, -0.32, 0.21, 0.19, 0.25).jitter(r, 0.03, 0.07);
        liver = new Part(-0.34, 0.0, 0.36, 0.38, 0.34, 0.40).jitter(r, 0.04, 0.07);
        spleen = new Part(0.47, 0.16, 0.28, 0.14, 0.17, 0.22).jitter(r, 0.03, 0.08);
        kidneyRight = new Part(-0.33, 0.34, 0.58, 0.12, 0.13, 0.22).jitter(r, 0.03, 0.08);
        kidneyLeft = new Part(0.33, 0.34, 0.56, 0.12, 0.13, 0.22).jitter(r, 0.03, 0.08);
        gallbladder = new Part(-0.24, -0.14, 0.48, 0.075, 0.075, 0.11).jitter(r, 0.02, 0.1);
        aorta = new Part(0.07, 0.28, 0.2, 0.065, 0.065, 1.2).jitter(r, 0.015, 0.08);
        spine = new Part(0, 0.52, 0, 0.13, 0.12, 0.125).jitter(r, 0.02, 0.06);
        for (int i = 0; i < SPINE_SEGMENTS; i++) {
            spineShift[i] = r.uniform(-0.01, 0.01);
        }
    }

    /** Centre z of spine segment {@code i}. */
    static double segmentZ(int i) {
        return -1 + (i + 0.5) * 2.0 / SPINE_SEGMENTS;
    }

    /** Organs in paint order (later ones win). */
    List<Ellipsoid> shapes() {
        List<Ellipsoid> s = new ArrayList<>();
        s.add(body.shape(Material.FAT, Region.BODY));
        s.add(body.scaled(0.88, Material.MUSCLE, Region.BODY));
        s.add(lungRight.shape(Material.LUNG, Region.LUNG));
        s.add(lungLeft.shape(Material.LUNG, Region.LUNG));
        s.add(heart.shape(Material.BLOOD, Region.HEART));
        s.add(liver.shape(Material.LIVER, Region.LIVER));
        s.add(spleen.shape(Material.SPLEEN, Region.SPLEEN));
        s.add(kidneyRight.shape(Material.KIDNEY, Region.KIDNEY));
        s.add(kidneyLeft.shape(Material.KIDNEY, Region.KIDNEY));
        s.add(gallbladder.shape(Material.FLUID, Region.GALLBLADDER));
        s.add(aorta.shape(Material.BLOOD, Region.AORTA));
        for (int i = 0; i < SPINE_SEGMENTS; i++) {
            double x = spine.cx + spineShift[i];
            double z = segmentZ(i);
            double hz = 1.0 / SPINE_SEGMENTS;
            s.add(new Ellipsoid(x, spine.cy, z, spine.rx, spine.ry, hz * 1.3, Material.CORTEX, Region.SPINE, null));
            s.add(new Ellipsoid(x, spine.cy, z, spine.rx * 0.72, spine.ry * 0.72, hz * 1.2, Material.MARROW,
                    Region.SPINE, null));
        }
        return s;
    }
}
