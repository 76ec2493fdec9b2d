/** Choosing among named OSGi services with one rule: highest service ranking, then lowest service id. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.raddiag.support.osgi;
