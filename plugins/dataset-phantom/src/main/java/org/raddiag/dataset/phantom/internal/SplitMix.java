package org.raddiag.dataset.phantom.internal;

/**
 * SplitMix64 random numbers: fully specified here, so a seed gives the same stream on every JVM. Not thread-safe;
 * derive one per task with {@link #derive(long, long...)}.
 */
final class SplitMix {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    SplitMix(long seed) {
        this.state = seed;
    }

    /** A generator for the sub-task named by {@code keys} under {@code seed}. */
    static SplitMix derive(long seed, long... keys) {
        return new SplitMix(hash(seed, keys));
    }

    /** A well-mixed hash of a seed and keys. */
    static long hash(long seed, long... keys) {
        long h = mix(seed ^ GOLDEN);
        for (long k : keys) {
            h = mix(h + GOLDEN + mix(k));
        }
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform in [0, n). */
    int nextInt(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + n);
        }
        return (int) ((nextLong() >>> 33) % n);
    }

    /** Uniform in [lo, hi] inclusive. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Approximately standard normal (sum of four uniforms, rescaled): cheap and free of transcendental calls. */
    double gaussian() {
        double s = nextDouble() + nextDouble() + nextDouble() + nextDouble();
        return (s - 2.0) * 1.7320508075688772;
    }

    /** Index drawn with probability proportional to {@code weights}. */
    int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
