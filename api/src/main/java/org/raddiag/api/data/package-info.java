/** Plain data types: volumes, scans, cases, label sets and diagnoses. Free of engine types. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.raddiag.api.data;
