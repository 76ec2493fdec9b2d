/**
 * The one way every workflow (diagnose, train, fine-tune, import, init-model, bench) builds the RadNet network: from
 * the backbone and head plugins the architecture names, waiting briefly for a plugin that is being replaced.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.raddiag.model.assembly;
