/** Durable writes of user data: temp file, fsync, atomic rename, fsync of the folder. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.raddiag.support.files;
