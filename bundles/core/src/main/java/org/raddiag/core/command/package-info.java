/** The one-shot commands of the runtime ({@code status}, {@code plugins}, ...), published as Command services. */
package org.raddiag.core.command;
