package org.raddiag.testsupport;

import java.util.Arrays;
import java.util.Random;

/**
 * The format-blind mutations that every reader's fuzz test applies next to its own format-specific ones, so that
 * each draws from {@code rnd} in the same order and a seed names the same mutant in every test.
 */
public final class Mutations {
    private Mutations() {
    }

    /** Flips one to eight random bits anywhere in {@code b}, in place; returns {@code b}. */
    public static byte[] flipBits(byte[] b, Random rnd) {
        for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) {
            b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
        }
        return b;
    }

    /** A copy of {@code b} cut at a random length shorter than it. */
    public static byte[] truncate(byte[] b, Random rnd) {
        return Arrays.copyOf(b, rnd.nextInt(b.length));
    }

    /**
     * Overwrites one to {@code maxCount} random bytes in {@code [from, from + length)} of {@code b} (e.g. a header)
     * with random values, in place; returns {@code b}.
     */
    public static byte[] randomBytes(byte[] b, Random rnd, int from, int length, int maxCount) {
        for (int i = 0, n = 1 + rnd.nextInt(maxCount); i < n; i++) {
            b[from + rnd.nextInt(length)] = (byte) rnd.nextInt(256);
        }
        return b;
    }
}
