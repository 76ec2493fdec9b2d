package org.raddiag.core.rest;

import org.osgi.service.component.annotations.Component;

/** The web page: static files of this bundle's {@code /raddiag-web} folder under {@code /ui/*}. */
@Component(service = WebResources.class, property = {"osgi.http.whiteboard.resource.pattern=/ui/*",
        "osgi.http.whiteboard.resource.prefix=/raddiag-web"})
public final class WebResources {
}
