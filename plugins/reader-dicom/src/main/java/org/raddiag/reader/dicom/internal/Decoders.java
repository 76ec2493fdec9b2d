package org.raddiag.reader.dicom.internal;

/** Which throwables from the embedded decoders mean a bad file rather than a broken JVM or bundle. */
final class Decoders {
    private Decoders() {
    }

    /**
     * Rethrows {@code t} unless a bad file explains it: JJ2000 (JPEG 2000) reports stream errors as plain
     * {@link Error}, deeply nested sequences can overflow the stack; other errors (out of memory, linkage) propagate.
     */
    static void rethrowFatal(Throwable t) {
        if (t instanceof StackOverflowError || t.getClass() == Error.class || !(t instanceof Error)) {
            return;
        }
        throw (Error) t;
    }
}
