/** RadDiag core: implementation only, nothing exported. Sub-packages hold one concern each. */
package org.raddiag.core;
