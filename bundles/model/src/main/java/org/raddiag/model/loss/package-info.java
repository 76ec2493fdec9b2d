/** The reference training losses (clamped BCE, Gaussian key-slice KL) as differentiable DJL NDArray functions. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.raddiag.model.loss;
