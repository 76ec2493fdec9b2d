/** Case loading: the RP3D-DiagDS JSON layout and a simple folder layout, read through modality readers. */
package org.raddiag.core.cases;
