/** The train, evaluate and demo commands. Implementation only. */
package org.raddiag.workflows.internal;
