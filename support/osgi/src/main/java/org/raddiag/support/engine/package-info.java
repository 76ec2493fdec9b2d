/** The skeleton both native engine bundles extend: start once, self-test, state, service registration. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.raddiag.support.engine;
