/**
 * The HTTP side of the runtime: REST API under {@code /api/v1} and the web page under {@code /ui}, as OSGi HTTP
 * Whiteboard services (Felix Jetty), the {@code serve} command, and the Web Console's credential check.
 */
package org.raddiag.core.rest;
