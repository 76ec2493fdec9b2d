package org.raddiag.support.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses to load a native library whose initialisation is known to crash the JVM when the process command line is
 * long. ONNX Runtime 1.29's Java natives die with SIGSEGV once {@code /proc/self/cmdline} reaches about 3,990 bytes
 * (measured: 3,979 bytes load, 3,989 crash; the environment does not matter), which a long {@code -cp} or many
 * {@code -D} options reach easily. Checked before the first touch of the natives, so the user gets a clear error
 * and a way out (a Java {@code @argfile} keeps the real command line short) instead of a dead JVM. The bound moves
 * with the JVM (a bigger {@code -Xss} raises it), so {@code -Draddiag.native.maxCommandLine=N} sets another one and
 * {@code 0} turns the check off.
 */
public final class CommandLineLimit {
    /** The longest command line (bytes of {@code /proc/self/cmdline}) ONNX Runtime 1.29 was seen to survive. */
    public static final int ONNX_RUNTIME_MAX_BYTES = 3979;
    /** System property that replaces the bound ({@code 0}: no check). */
    public static final String PROPERTY = "raddiag.native.maxCommandLine";
    private static final Path CMDLINE = Path.of("/proc/self/cmdline");

    private CommandLineLimit() {
    }

    /** Throws if this process's command line is longer than {@code maxBytes}; a no-op where it cannot be read. */
    public static void check(String library, int maxBytes) {
        check(library, Integer.getInteger(PROPERTY, maxBytes), length(CMDLINE));
    }

    static void check(String library, int maxBytes, long length) {
        if (maxBytes > 0 && length > maxBytes) {
            throw new IllegalStateException(library + " cannot be loaded: this JVM's command line is " + length
                    + " bytes, and " + library + " crashes the JVM above about " + maxBytes + " bytes ("
                    + CMDLINE + "). Put the JVM options and the class path in a Java @argfile"
                    + " (java @options.txt ...), as bin/raddiag and the tests do; -D" + PROPERTY
                    + "=N sets another bound, 0 none.");
        }
    }

    private static long length(Path cmdline) {
        try {
            return Files.readAllBytes(cmdline).length;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return -1; // not Linux: nothing known to check
        }
    }
}
