package org.raddiag.core.cases;

import java.nio.file.Path;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

/**
 * Reads RP3D key-slice files (NumPy int64, shape (1,)) through the NumPy reader plugin's exported format classes.
 * The import is optional: when that plugin is not installed, {@link #available()} is false and callers go on
 * without key slices (they only matter for training).
 */
public final class NpyKeySlices implements KeySliceSource {
    /** Whether the NumPy reader plugin's package is wired to this bundle. */
    public static boolean available() {
        try {
            Class.forName("org.raddiag.reader.numpy.NpyFormat", false, NpyKeySlices.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public int read(Path file) throws ReadException {
        org.raddiag.reader.numpy.NpyArray a = org.raddiag.reader.numpy.NpyFormat.read(file, 16);
        if (a.size() != 1) {
            throw new ReadException(file, Reason.CORRUPT, "a key-slice file holds one integer, this one holds " + a.size());
        }
        double v = a.toDoubleArray()[0];
        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
            throw new ReadException(file, Reason.CORRUPT, "key slice is not a non-negative integer: " + v);
        }
        return (int) v;
    }
}
