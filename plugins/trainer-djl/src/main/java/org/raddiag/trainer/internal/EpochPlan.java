package org.raddiag.trainer.internal;

import java.util.SplittableRandom;

/**
 * The case order of an epoch: a Fisher-Yates permutation of {@code 0..n-1} from a generator seeded by
 * {@code (seed, epoch)} only, so a resumed run recomputes the same order without stored generator state. Per-step
 * randomness (augmentation, mixing) likewise comes from {@link #stepRandom}.
 */
public final class EpochPlan {
    private EpochPlan() {
    }

    public static int[] order(long seed, int epoch, int n) {
        SplittableRandom r = new SplittableRandom(mix(seed, 0x5eed_0001L, epoch));
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** A generator for global step {@code step} and purpose {@code stream}. */
    public static SplittableRandom stepRandom(long seed, long stream, long step) {
        return new SplittableRandom(mix(seed, stream, step));
    }

    private static long mix(long seed, long stream, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
