/** Modality reader SPI: turns files written by other tools into scans. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.raddiag.api.io;
