/** The DS component of the network assembler and its plugin directory (private). */
package org.raddiag.model.assembly.internal;
