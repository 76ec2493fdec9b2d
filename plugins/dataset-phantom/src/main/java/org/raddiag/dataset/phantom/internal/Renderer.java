package org.raddiag.dataset.phantom.internal;

import java.util.List;

/**
 * Renders one image of a case into voxels laid out like {@code org.raddiag.api.data.Volume} (slice, row, column):
 * CT in HU with Gaussian-like noise, MRI as T1/T2 signal under a smooth bias field with Rician noise, and
 * radiographs as line integrals of attenuation shown on a 0..255 scale and repeated over 3 identical slices.
 * Deterministic for the image's noise seed.
 */
final class Renderer {
    static final double CT_NOISE = 12;
    static final double MRI_NOISE = 15;
    static final double XRAY_NOISE = 2.5;
    /** Attenuation scale of radiographs: display = 255 (1 - exp(-k * integral)). */
    static final double XRAY_GAIN = 0.9;

    private Renderer() {
    }

    static float[] render(Scene scene, ImagePlan p, long noiseSeed, double noise) {
        SplitMix r = new SplitMix(noiseSeed);
        return p.view().projection ? projection(scene, p, r, noise) : volume(scene, p, r, noise);
    }

    private static float[] volume(Scene scene, ImagePlan p, SplitMix r, double noise) {
        int h = p.height();
        int w = p.width();
        float[] out = new float[w * h * p.depth()];
        boolean mri = p.contrast() != Contrast.CT;
        double[] bias = {r.uniform(-0.15, 0.15), r.uniform(-0.15, 0.15), r.uniform(-0.15, 0.15),
                r.uniform(-0.2, 0)};
        double gain = mri ? r.uniform(0.85, 1.15) : 1;
        double textureScale = mri ? 0.5 : 1;
        double[] pos = new double[3];
        for (int k = 0; k < p.depth(); k++) {
            pos[p.view().depthAxis] = ImagePlan.coordinate(k, p.depth());
            List<Ellipsoid> slice = Scene.spanning(scene.shapes, p.view().depthAxis, pos[p.view().depthAxis]);
            for (int i = 0; i < h; i++) {
                pos[p.view().rowAxis] = ImagePlan.coordinate(i, h);
                Ellipsoid[] row = Scene.spanning(slice, p.view().rowAxis, pos[p.view().rowAxis]).toArray(new Ellipsoid[0]);
                for (int j = 0; j < w; j++) {
                    pos[p.view().colAxis] = ImagePlan.coordinate(j, w);
                    double x = pos[0];
                    double y = pos[1];
                    double z = pos[2];
                    Material m = Scene.material(row, x, y, z);
                    double v = p.contrast().value(m) + textureScale * scene.texture(m, x, y, z);
                    if (mri) {
                        double b = 1 + bias[0] * x + bias[1] * y + bias[2] * z + bias[3] * (x * x + y * y);
                        double s = Math.max(0, v) * b * gain;
                        double n1 = r.gaussian() * MRI_NOISE * noise;
                        double n2 = r.gaussian() * MRI_NOISE * noise;
                        v = Math.sqrt((s + n1) * (s + n1) + n2 * n2);
                    } else {
                        v += r.gaussian() * CT_NOISE * noise;
                    }
                    out[(k * h + i) * w + j] = (float) v;
                }
            }
        }
        return out;
    }

    private static float[] projection(Scene scene, ImagePlan p, SplitMix r, double noise) {
        int h = p.height();
        int w = p.width();
        int steps = Math.max(16, h / 2);
        double step = 2.0 / steps;
        float[] out = new float[w * h * p.depth()];
        double[] pos = new double[3];
        for (int i = 0; i < h; i++) {
            pos[p.view().rowAxis] = ImagePlan.coordinate(i, h);
            List<Ellipsoid> row = Scene.spanning(scene.shapes, p.view().rowAxis, pos[p.view().rowAxis]);
            for (int j = 0; j < w; j++) {
                pos[p.view().colAxis] = ImagePlan.coordinate(j, w);
                Ellipsoid[] ray = Scene.spanning(row, p.view().colAxis, pos[p.view().colAxis]).toArray(new Ellipsoid[0]);
                double sum = 0;
                for (int s = 0; s < steps; s++) {
                    pos[p.view().depthAxis] = ImagePlan.coordinate(s, steps);
                    Material m = Scene.material(ray, pos[0], pos[1], pos[2]);
                    sum += Math.max(0, m.attenuation() + scene.texture(m, pos[0], pos[1], pos[2]) / 1000);
                }
                double v = 255 * (1 - StrictMath.exp(-XRAY_GAIN * sum * step)) + r.gaussian() * XRAY_NOISE * noise;
                float f = (float) Math.max(0, Math.min(255, v));
                for (int k = 0; k < p.depth(); k++) {
                    out[(k * h + i) * w + j] = f;
                }
            }
        }
        return out;
    }
}
