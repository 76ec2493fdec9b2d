/** Datasets stored in the RP3D-DiagDS layout, opened as {@code DatasetSource}s. */
package org.raddiag.core.dataset;
