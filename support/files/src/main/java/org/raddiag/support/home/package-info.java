/** The user's home folder (models, runs, demo data, DICOM store, logs) and the distribution folder (conf, bundles). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.raddiag.support.home;
