/** The command-line parser every RadDiag command shares, so that all commands follow the same rules. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.raddiag.support.cli;
