/** Model building blocks (backbone, depth pooling, fusion, head) and the model registry. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.raddiag.api.model;
