package org.raddiag.itests;

/** Repetition counts of the reliability tests: bounded by default, ten times longer with {@code -Draddiag.slow=true}. */
final class Soak {
    static final boolean ON = Boolean.getBoolean("raddiag.slow");

    private Soak() {
    }

    /** {@code n}, or {@code 10 n} in a soak run ({@code RADDIAG_SLOW=1 ./test.sh}). */
    static int times(int n) {
        return ON ? 10 * n : n;
    }
}
