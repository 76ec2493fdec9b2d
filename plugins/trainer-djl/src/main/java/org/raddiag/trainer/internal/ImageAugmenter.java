package org.raddiag.trainer.internal;

import java.util.random.RandomGenerator;

/**
 * Training-time image augmentation after the reference's MONAI chain (A.1.5): each transform fires with
 * probability {@code p} (0.15), and one random draw is shared by every slice of the batch.
 * <ol>
 * <li>Affine, in-plane about the image centre: rotation up to +-pi/12, translation up to +-10 px at 256 px (scaled
 * with the image size), scale 1 +- 0.1 per axis, shear +-0.2 per axis; bilinear, zero padding.</li>
 * <li>Gaussian noise, mean 0, std 0.07, on every voxel (padding included, as the reference).</li>
 * <li>Contrast (MONAI {@code AdjustContrast}): {@code ((x - min) / (range + 1e-7))^gamma x range + min} over the
 * batch, gamma uniform in [0.5, 1.5].</li>
 * </ol>
 * The reference's {@code Rand3DElastic} (p 0.15) is not reproduced.
 */
public final class ImageAugmenter {
    /** Bits of {@link #apply}'s result. */
    public static final int AFFINE = 1;
    public static final int NOISE = 2;
    public static final int CONTRAST = 4;

    static final double NOISE_STD = 0.07;
    private final double p;

    public ImageAugmenter(double p) {
        this.p = p;
    }

    /**
     * Augments {@code images} {@code (B, S, 1, H, W, D)} in place.
     *
     * @return which transforms fired ({@link #AFFINE} | {@link #NOISE} | {@link #CONTRAST})
     */
    public int apply(float[] images, long[] shape, RandomGenerator r) {
        int fired = 0;
        int slabs = (int) (shape[0] * shape[1] * shape[2]);
        int h = (int) shape[3];
        int w = (int) shape[4];
        int d = (int) shape[5];
        if (r.nextDouble() < p) {
            double rot = uniform(r, Math.PI / 12);
            double tScale = h / 256.0;
            double ty = uniform(r, 10) * tScale;
            double tx = uniform(r, 10) * tScale;
            double sy = 1 + uniform(r, 0.1);
            double sx = 1 + uniform(r, 0.1);
            double shy = uniform(r, 0.2);
            double shx = uniform(r, 0.2);
            affine(images, slabs, h, w, d, affineMatrix(rot, sy, sx, shy, shx), ty, tx);
            fired |= AFFINE;
        }
        if (r.nextDouble() < p) {
            noise(images, NOISE_STD, r);
            fired |= NOISE;
        }
        if (r.nextDouble() < p) {
            contrast(images, 0.5 + r.nextDouble());
            fired |= CONTRAST;
        }
        return fired;
    }

    private static double uniform(RandomGenerator r, double half) {
        return (2 * r.nextDouble() - 1) * half;
    }

    /** Row-major 2x2 {@code rotation x shear x scale} acting on (y, x). */
    static double[] affineMatrix(double rot, double sy, double sx, double shy, double shx) {
        double c = Math.cos(rot);
        double s = Math.sin(rot);
        // shear [[1, shy], [shx, 1]] then scale diag(sy, sx)
        double a = sy;
        double b = shy * sx;
        double cc = shx * sy;
        double dd = sx;
        return new double[] {c * a - s * cc, c * b - s * dd, s * a + c * cc, s * b + c * dd};
    }

    /**
     * Resamples every (H, W) slice: output pixel {@code o} (centred coordinates) reads the input at
     * {@code M o + t} bilinearly; outside the image reads 0.
     */
    static void affine(float[] images, int slabs, int h, int w, int d, double[] m, double ty, double tx) {
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        float[] src = new float[h * w * d];
        for (int slab = 0; slab < slabs; slab++) {
            int base = slab * h * w * d;
            System.arraycopy(images, base, src, 0, src.length);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double oy = y - cy;
                    double ox = x - cx;
                    double iy = m[0] * oy + m[1] * ox + ty + cy;
                    double ix = m[2] * oy + m[3] * ox + tx + cx;
                    int y0 = (int) Math.floor(iy);
                    int x0 = (int) Math.floor(ix);
                    double fy = iy - y0;
                    double fx = ix - x0;
                    int out = base + (y * w + x) * d;
                    for (int k = 0; k < d; k++) {
                        images[out + k] = 0f;
                    }
                    accumulate(images, out, src, h, w, d, y0, x0, (1 - fy) * (1 - fx));
                    accumulate(images, out, src, h, w, d, y0, x0 + 1, (1 - fy) * fx);
                    accumulate(images, out, src, h, w, d, y0 + 1, x0, fy * (1 - fx));
                    accumulate(images, out, src, h, w, d, y0 + 1, x0 + 1, fy * fx);
                }
            }
        }
    }

    private static void accumulate(float[] dst, int out, float[] src, int h, int w, int d, int y, int x,
            double weight) {
        if (y < 0 || y >= h || x < 0 || x >= w || weight == 0) {
            return;
        }
        int in = (y * w + x) * d;
        float wt = (float) weight;
        for (int k = 0; k < d; k++) {
            dst[out + k] += wt * src[in + k];
        }
    }

    static void noise(float[] images, double std, RandomGenerator r) {
        for (int i = 0; i < images.length; i++) {
            images[i] += (float) (std * r.nextGaussian());
        }
    }

    static void contrast(float[] images, double gamma) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : images) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = (double) max - min;
        for (int i = 0; i < images.length; i++) {
            double n = (images[i] - min) / (range + 1e-7);
            images[i] = (float) (Math.pow(n, gamma) * range + min);
        }
    }
}
