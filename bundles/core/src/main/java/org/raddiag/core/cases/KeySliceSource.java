package org.raddiag.core.cases;

import java.nio.file.Path;
import org.raddiag.api.io.ReadException;

/** Reads a key-slice file (RP3D: a NumPy int64 array of shape (1,)), supplied by the caller. */
@FunctionalInterface
public interface KeySliceSource {
    /** The key-slice index stored in {@code file}. */
    int read(Path file) throws ReadException;
}
