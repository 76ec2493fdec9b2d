package org.raddiag.testsupport;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;

/**
 * The format-blind mutations that every reader's fuzz test applies next to its own format-specific ones, so that
 * each draws from {@code rnd} in the same order and a seed names the same mutant in every test.
 */
public final class Mutations {
    private Mutations() {
    }

    /** A format's own mutations of a fresh copy {@code b} of a seed file; {@code kind} from 0 to their count - 1. */
    @FunctionalInterface
    public interface Specific {
        byte[] mutate(byte[] b, Random rnd, int kind);
    }

    /**
     * The mutation a reader's fuzz test writes: one uniform draw of {@code rnd} picks {@link #flipBits},
     * {@link #truncate}, {@link #randomBytes} (up to four) in the header {@code [headerFrom, headerEnd(copy))}, or
     * one of the format's {@code kinds} own mutations; each applies to a copy of the seed file.
     */
    public static BiFunction<byte[], Random, byte[]> mixed(int headerFrom, ToIntFunction<byte[]> headerEnd, int kinds,
            Specific specific) {
        return (src, rnd) -> {
            byte[] b = src.clone();
            int kind = rnd.nextInt(3 + kinds);
            switch (kind) {
                case 0:
                    return flipBits(b, rnd);
                case 1:
                    return truncate(b, rnd);
                case 2:
                    return randomBytes(b, rnd, headerFrom, headerEnd.applyAsInt(b) - headerFrom, 4);
                default:
                    return specific.mutate(b, rnd, kind - 3);
            }
        };
    }

    /** The end of a header that takes at most {@code length} bytes at the start of a file. */
    public static ToIntFunction<byte[]> headerOf(int length) {
        return b -> Math.min(b.length, length);
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
