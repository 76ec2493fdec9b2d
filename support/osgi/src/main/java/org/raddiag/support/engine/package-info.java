/**
 * The skeleton both native engine bundles extend: start once, self-test, state, service registration; and the close
 * gate their loaded models and backends share.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.raddiag.support.engine;
