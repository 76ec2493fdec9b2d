/** NumPy .npy/.npz format: strict header parsing, limits checked before allocation, clear errors. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.raddiag.support.numpy;
