/** Model building blocks (backbone, depth pooling, fusion, head) and the model registry. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.raddiag.api.model;
