package org.raddiag.telemetry.internal;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Counts every request of the default HTTP context by route ({@link Routes}), method and status, and times it; an
 * HTTP Whiteboard filter in front of all servlets (the REST API, the studies, the web UI, /metrics itself).
 */
@Component(service = Filter.class, property = {"osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.filter.name=raddiag-http-metrics"})
public final class HttpMetrics implements Filter {
    @Reference
    private Meters meters;

    @Override
    public void init(FilterConfig config) {
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        long t0 = System.nanoTime();
        int status = 500;
        try {
            chain.doFilter(req, resp);
            status = resp instanceof HttpServletResponse ? ((HttpServletResponse) resp).getStatus() : 200;
        } finally {
            if (req instanceof HttpServletRequest) {
                HttpServletRequest h = (HttpServletRequest) req;
                String path = h.getRequestURI().substring(Math.min(h.getRequestURI().length(),
                        h.getContextPath().length()));
                meters.request(Routes.of(path), method(h.getMethod()), status, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private static String method(String m) {
        switch (m) {
            case "GET": case "HEAD": case "POST": case "PUT": case "DELETE": case "OPTIONS": case "PATCH":
                return m;
            default:
                return "other";
        }
    }

    @Override
    public void destroy() {
    }
}
