package org.raddiag.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import org.raddiag.api.io.ReadException;
import org.raddiag.support.numpy.NpyArray;
import org.raddiag.support.numpy.NpyFormat;

/**
 * A NumPy fixture read with the real format library (which has its own tests against numpy-written files), as the
 * flat C-order values tests compare against: floats for float dtypes, longs for integer and boolean dtypes.
 */
public record NpyFixture(String dtype, long[] shape, float[] floats, long[] longs) {
    /** Reads {@code file}; no element limit beyond the library's default. */
    public static NpyFixture read(Path file) throws IOException {
        NpyArray a;
        try {
            a = NpyFormat.read(file);
        } catch (ReadException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (a.isIntegral()) {
            return new NpyFixture(a.dtype(), a.shape(), null, a.toLongArray());
        }
        return new NpyFixture(a.dtype(), a.shape(), a.toFloatArray(), null);
    }

    /** {@code testdata/reference/FIXTURE/NAME.npy}. */
    public static NpyFixture reference(String fixture, String name) throws IOException {
        return read(TestData.reference(fixture, name.endsWith(".npy") ? name : name + ".npy"));
    }

    /** Number of elements. */
    public int numel() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    /** The values as floats (integers converted), for tolerance checks. */
    public float[] asFloats() {
        if (floats != null) {
            return floats;
        }
        float[] f = new float[longs.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = longs[i];
        }
        return f;
    }
}
