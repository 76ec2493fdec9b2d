package org.raddiag.core.cases;

import java.nio.file.Path;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.support.numpy.NpyArray;
import org.raddiag.support.numpy.NpyFormat;

/**
 * Reads RP3D key-slice files (NumPy int64, shape (1,)) with the shared NumPy format library, so that core needs
 * no reader plugin (plugins export nothing).
 */
public final class NpyKeySlices implements KeySliceSource {
    @Override
    public int read(Path file) throws ReadException {
        NpyArray a = NpyFormat.read(file, 16);
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
