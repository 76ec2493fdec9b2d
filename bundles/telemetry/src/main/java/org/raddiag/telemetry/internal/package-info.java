/** The /metrics endpoint and what feeds it (private). */
package org.raddiag.telemetry.internal;
