/** Compute backends: the long-lived native engines and their status. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.raddiag.api.compute;
