/** Names shared by all RadDiag services, chiefly the service property keys providers register with. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.raddiag.api;
