/** Datasets and trainers. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.raddiag.api.train;
