package org.raddiag.dataset.phantom.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to generate: seed, split sizes, image size, label set shape and case complexity. Two specs with the same
 * {@link #settings()} produce byte-identical datasets; {@link #threads()} only changes the speed. Immutable; build
 * with {@link #builder()} (defaults: 600/100/200 cases of 64 x 64 pixels and 8..16 slices, 30 labels
 * split 6/12/12).
 */
public final class PhantomSpec {
    /** Largest label count: "Normal" plus every disorder of the built-in catalogue. */
    public static final int MAX_LABELS = 30;

    private final long seed;
    private final int trainCases;
    private final int validCases;
    private final int testCases;
    private final int size;
    private final int minSlices;
    private final int maxSlices;
    private final int labelCount;
    private final int headCount;
    private final int mediumCount;
    private final int maxLabelsPerCase;
    private final double topPrevalence;
    private final double prevalenceExponent;
    private final double noise;
    private final double lesionScale;
    private final int niftiCases;
    private final int threads;

    private PhantomSpec(Builder b) {
        this.seed = b.seed;
        this.trainCases = atLeast(b.trainCases, 1, "trainCases");
        this.validCases = atLeast(b.validCases, 0, "validCases");
        this.testCases = atLeast(b.testCases, 0, "testCases");
        this.size = atLeast(b.size, 16, "size");
        if (b.size > 1024) {
            throw new IllegalArgumentException("size " + b.size + " exceeds 1024");
        }
        this.minSlices = atLeast(b.minSlices, 1, "minSlices");
        this.maxSlices = atLeast(b.maxSlices, b.minSlices, "maxSlices");
        if (b.maxSlices > 256) {
            throw new IllegalArgumentException("maxSlices " + b.maxSlices + " exceeds 256");
        }
        this.labelCount = atLeast(b.labelCount, 2, "labelCount");
        if (b.labelCount > MAX_LABELS) {
            throw new IllegalArgumentException("labelCount " + b.labelCount + " exceeds " + MAX_LABELS);
        }
        this.headCount = atLeast(b.headCount, 1, "headCount");
        this.mediumCount = atLeast(b.mediumCount, 0, "mediumCount");
        if (b.headCount + b.mediumCount > b.labelCount) {
            throw new IllegalArgumentException("head " + b.headCount + " + medium " + b.mediumCount + " exceed "
                    + b.labelCount + " labels");
        }
        this.maxLabelsPerCase = atLeast(b.maxLabelsPerCase, 1, "maxLabelsPerCase");
        if (b.maxLabelsPerCase > 3) {
            throw new IllegalArgumentException("maxLabelsPerCase " + b.maxLabelsPerCase + " exceeds 3");
        }
        if (!(b.topPrevalence > 0 && b.topPrevalence <= 0.5)) {
            throw new IllegalArgumentException("topPrevalence must be in (0, 0.5]: " + b.topPrevalence);
        }
        this.topPrevalence = b.topPrevalence;
        if (!(b.prevalenceExponent >= 0 && b.prevalenceExponent <= 4)) {
            throw new IllegalArgumentException("prevalenceExponent must be in [0, 4]: " + b.prevalenceExponent);
        }
        this.prevalenceExponent = b.prevalenceExponent;
        if (!(b.noise >= 0 && b.noise <= 10)) {
            throw new IllegalArgumentException("noise must be in [0, 10]: " + b.noise);
        }
        this.noise = b.noise;
        if (!(b.lesionScale >= 0.5 && b.lesionScale <= 4)) {
            throw new IllegalArgumentException("lesionScale must be in [0.5, 4]: " + b.lesionScale);
        }
        this.lesionScale = b.lesionScale;
        this.niftiCases = atLeast(b.niftiCases, 0, "niftiCases");
        this.threads = atLeast(b.threads, 0, "threads");
    }

    private static int atLeast(int v, int min, String what) {
        if (v < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ": " + v);
        }
        return v;
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

    public long seed() {
        return seed;
    }

    public int trainCases() {
        return trainCases;
    }

    public int validCases() {
        return validCases;
    }

    public int testCases() {
        return testCases;
    }

    /** Width and height of every image in pixels. */
    public int size() {
        return size;
    }

    public int minSlices() {
        return minSlices;
    }

    public int maxSlices() {
        return maxSlices;
    }

    /** Number of classes including "Normal" (index 0). */
    public int labelCount() {
        return labelCount;
    }

    public int headCount() {
        return headCount;
    }

    public int mediumCount() {
        return mediumCount;
    }

    public int maxLabelsPerCase() {
        return maxLabelsPerCase;
    }

    /** Prevalence of the most frequent disorder; disorder of rank r gets {@code top * r^-exponent}. */
    public double topPrevalence() {
        return topPrevalence;
    }

    public double prevalenceExponent() {
        return prevalenceExponent;
    }

    /** Acquisition noise scale (1 = default, 0 = noise free). */
    public double noise() {
        return noise;
    }

    /** Size of every lesion about its centre (1 = the catalogue's sizes; larger = more conspicuous, on more slices). */
    public double lesionScale() {
        return lesionScale;
    }

    /** How many test cases are also exported as NIfTI-1 ({@code nifti/}, {@code nifti.json}). */
    public int niftiCases() {
        return niftiCases;
    }

    /** Worker threads (0 = available processors); does not change the output. */
    public int threads() {
        return threads;
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
    public boolean equals(Object o) {
        return o instanceof PhantomSpec && ((PhantomSpec) o).settings().equals(settings())
                && ((PhantomSpec) o).threads == threads;
    }

    @Override
    public int hashCode() {
        return Objects.hash(settings(), threads);
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
            return new PhantomSpec(this);
        }
    }
}
