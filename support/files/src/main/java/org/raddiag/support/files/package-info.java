/**
 * Durable writes of user data (temp file, fsync, atomic rename, fsync of the folder), size-limited reads, scratch
 * folders.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.raddiag.support.files;
