/** Access to the modality reader plugins that are installed right now. */
package org.raddiag.core.io;
