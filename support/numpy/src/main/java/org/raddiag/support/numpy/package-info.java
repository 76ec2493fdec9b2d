/**
 * NumPy {@code .npy}/{@code .npz} format for every bundle that reads or writes arrays (the NumPy reader plugin,
 * RP3D key-slice files, metrics score files, label embeddings, phantom datasets): strict header parsing, limits
 * checked before allocation, every problem reported as a {@link org.raddiag.api.io.ReadException} naming the file.
 * Hand-written: no maintained Java NumPy library is on Maven Central as an OSGi bundle, and the format is small.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.raddiag.support.numpy;
