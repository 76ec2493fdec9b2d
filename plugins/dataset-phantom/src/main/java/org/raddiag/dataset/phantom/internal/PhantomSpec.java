package org.raddiag.dataset.phantom.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to generate: seed, split sizes, image size, label set shape and case complexity. Two specs with the same
 * {@link #settings()} produce byte-identical datasets; {@link #threads()} only changes the speed. Build with
 * {@link #builder()} (defaults: 600/100/200 cases of 64 x 64 pixels and 8..16 slices, 30 labels split 6/12/12).
 *
 * @param size               width and height of every image in pixels
 * @param labelCount         number of classes including "Normal" (index 0)
 * @param topPrevalence      prevalence of the most frequent disorder; disorder of rank r gets {@code top * r^-exponent}
 * @param noise              acquisition noise scale (1 = default, 0 = noise free)
 * @param lesionScale        size of every lesion about its centre (1 = the catalogue's sizes; larger = more
 *                           conspicuous, on more slices)
 * @param niftiCases         how many test cases are also exported as NIfTI-1 ({@code nifti/}, {@code nifti.json})
 * @param threads            worker threads (0 = available processors); does not change the output
 */
public record PhantomSpec(long seed, int trainCases, int validCases, int testCases, int size, int minSlices,
        int maxSlices, int labelCount, int headCount, int mediumCount, int maxLabelsPerCase, double topPrevalence,
        double prevalenceExponent, double noise, double lesionScale, int niftiCases, int threads) {
    /** Largest label count: "Normal" plus every disorder of the built-in catalogue. */
    public static final int MAX_LABELS = 30;

    public PhantomSpec {
        atLeast(trainCases, 1, "trainCases");
        atLeast(validCases, 0, "validCases");
        atLeast(testCases, 0, "testCases");
        atLeast(size, 16, "size");
        if (size > 1024) {
            throw new IllegalArgumentException("size " + size + " exceeds 1024");
        }
        atLeast(minSlices, 1, "minSlices");
        atLeast(maxSlices, minSlices, "maxSlices");
        if (maxSlices > 256) {
            throw new IllegalArgumentException("maxSlices " + maxSlices + " exceeds 256");
        }
        atLeast(labelCount, 2, "labelCount");
        if (labelCount > MAX_LABELS) {
            throw new IllegalArgumentException("labelCount " + labelCount + " exceeds " + MAX_LABELS);
        }
        atLeast(headCount, 1, "headCount");
        atLeast(mediumCount, 0, "mediumCount");
        if (headCount + mediumCount > labelCount) {
            throw new IllegalArgumentException("head " + headCount + " + medium " + mediumCount + " exceed "
                    + labelCount + " labels");
        }
        atLeast(maxLabelsPerCase, 1, "maxLabelsPerCase");
        if (maxLabelsPerCase > 3) {
            throw new IllegalArgumentException("maxLabelsPerCase " + maxLabelsPerCase + " exceeds 3");
        }
        if (!(topPrevalence > 0 && topPrevalence <= 0.5)) {
            throw new IllegalArgumentException("topPrevalence must be in (0, 0.5]: " + topPrevalence);
        }
        if (!(prevalenceExponent >= 0 && prevalenceExponent <= 4)) {
            throw new IllegalArgumentException("prevalenceExponent must be in [0, 4]: " + prevalenceExponent);
        }
        if (!(noise >= 0 && noise <= 10)) {
            throw new IllegalArgumentException("noise must be in [0, 10]: " + noise);
        }
        if (!(lesionScale >= 0.5 && lesionScale <= 4)) {
            throw new IllegalArgumentException("lesionScale must be in [0.5, 4]: " + lesionScale);
        }
        atLeast(niftiCases, 0, "niftiCases");
        atLeast(threads, 0, "threads");
    }

    private static void atLeast(int v, int min, String what) {
        if (v < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ": " + v);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The demo defaults. */
    public static PhantomSpec defaults() {
        return builder().build();
    }

    /** A builder starting from this spec. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.trainCases = trainCases;
        b.validCases = validCases;
        b.testCases = testCases;
        b.size = size;
        b.minSlices = minSlices;
        b.maxSlices = maxSlices;
        b.labelCount = labelCount;
        b.headCount = headCount;
        b.mediumCount = mediumCount;
        b.maxLabelsPerCase = maxLabelsPerCase;
        b.topPrevalence = topPrevalence;
        b.prevalenceExponent = prevalenceExponent;
        b.noise = noise;
        b.lesionScale = lesionScale;
        b.niftiCases = niftiCases;
        b.threads = threads;
        return b;
    }

    /** Every setting that changes the output, by name, in a fixed order (what the manifest records). */
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("trainCases", trainCases);
        m.put("validCases", validCases);
        m.put("testCases", testCases);
        m.put("size", size);
        m.put("minSlices", minSlices);
        m.put("maxSlices", maxSlices);
        m.put("labelCount", labelCount);
        m.put("headCount", headCount);
        m.put("mediumCount", mediumCount);
        m.put("maxLabelsPerCase", maxLabelsPerCase);
        m.put("topPrevalence", topPrevalence);
        m.put("prevalenceExponent", prevalenceExponent);
        m.put("noise", noise);
        if (lesionScale != 1) {
            m.put("lesionScale", lesionScale); // absent at 1: older datasets keep their settings
        }
        m.put("niftiCases", niftiCases);
        return m;
    }

    @Override
    public String toString() {
        return "PhantomSpec" + settings();
    }

    /** Builder with the demo defaults. */
    public static final class Builder {
        private long seed = 42;
        private int trainCases = 600;
        private int validCases = 100;
        private int testCases = 200;
        private int size = 64;
        private int minSlices = 8;
        private int maxSlices = 16;
        private int labelCount = MAX_LABELS;
        private int headCount = 6;
        private int mediumCount = 12;
        private int maxLabelsPerCase = 3;
        private double topPrevalence = 0.24;
        private double prevalenceExponent = 0.9;
        private double noise = 1.0;
        private double lesionScale = 1.0;
        private int niftiCases = 2;
        private int threads;

        private Builder() {
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Cases per split. */
        public Builder cases(int train, int valid, int test) {
            trainCases = train;
            validCases = valid;
            testCases = test;
            return this;
        }

        public Builder size(int v) {
            size = v;
            return this;
        }

        public Builder slices(int min, int max) {
            minSlices = min;
            maxSlices = max;
            return this;
        }

        /** Label count (including "Normal") and the head and medium class counts. */
        public Builder labels(int count, int head, int medium) {
            labelCount = count;
            headCount = head;
            mediumCount = medium;
            return this;
        }

        public Builder maxLabelsPerCase(int v) {
            maxLabelsPerCase = v;
            return this;
        }

        public Builder prevalence(double top, double exponent) {
            topPrevalence = top;
            prevalenceExponent = exponent;
            return this;
        }

        public Builder noise(double v) {
            noise = v;
            return this;
        }

        public Builder lesionScale(double v) {
            lesionScale = v;
            return this;
        }

        public Builder niftiCases(int v) {
            niftiCases = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public PhantomSpec build() {
            return new PhantomSpec(seed, trainCases, validCases, testCases, size, minSlices, maxSlices, labelCount,
                    headCount, mediumCount, maxLabelsPerCase, topPrevalence, prevalenceExponent, noise, lesionScale,
                    niftiCases, threads);
        }
    }
}
