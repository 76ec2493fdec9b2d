/** Diagnosis service: from a case to ranked findings. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.raddiag.api.diagnosis;
