/** Durable writes of user data (temp file, fsync, atomic rename, fsync of the folder) and size-limited reads. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.raddiag.support.files;
