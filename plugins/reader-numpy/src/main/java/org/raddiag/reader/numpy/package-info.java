/**
 * NumPy {@code .npy}/{@code .npz} decoding for other bundles (e.g. key-slice files, reference fixtures): strict
 * header parsing, limits checked before allocation, every problem reported as a
 * {@link org.raddiag.api.io.ReadException}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.raddiag.reader.numpy;
