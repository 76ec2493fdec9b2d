package org.raddiag.testsupport;

import java.nio.file.Path;

/**
 * Small {@code .npy}/{@code .npz} files written by numpy itself ({@code testdata/npy/generate.py}: every dtype,
 * byte order, Fortran order, format versions 1-3, stored and deflated archives, and kinds a reader must refuse).
 */
public final class NpySamples {
    private NpySamples() {
    }

    public static Path get(String name) {
        return TestData.path("npy", name);
    }
}
