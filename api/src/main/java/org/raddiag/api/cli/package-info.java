/** One-shot commands of the runtime, shared by bin/raddiag and the Gogo shell. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.raddiag.api.cli;
