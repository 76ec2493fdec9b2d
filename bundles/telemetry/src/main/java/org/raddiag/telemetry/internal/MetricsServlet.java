package org.raddiag.telemetry.internal;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /metrics}: the Prometheus text format (0.0.4), an HTTP Whiteboard servlet in the default context. */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/metrics",
        "osgi.http.whiteboard.servlet.name=raddiag-metrics"})
public final class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Reference
    private transient Meters meters;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        write(meters, b);
        resp.setStatus(200);
        resp.setContentType(PrometheusTextFormatWriter.CONTENT_TYPE);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(b.size());
        try (OutputStream out = resp.getOutputStream()) {
            b.writeTo(out);
        }
    }

    static void write(Meters m, OutputStream out) throws IOException {
        new PrometheusTextFormatWriter(false).write(out, m.scrape());
    }
}
