package org.raddiag.ingest.dicom.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/studies} (the ingest's state and every study's summary) and
 * {@code GET /api/v1/studies/{studyUid}} (state, series and the diagnosis in the shape of
 * {@code POST /api/v1/diagnoses}' result, and its report's outbox state) and {@code GET /api/v1/studies/{uid}/sr}
 * (the structured report, application/dicom), an HTTP Whiteboard servlet in the default context like the REST API.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/api/v1/studies/*",
        "osgi.http.whiteboard.servlet.name=raddiag-studies"})
public final class StudiesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StudiesServlet.class);
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls()
            .serializeSpecialFloatingPointValues().create();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile StudyIndex index;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long t0 = System.nanoTime();
        int status = route(req, resp);
        LOG.debug("{} /api/v1/studies{} -> {} in {} ms", req.getMethod(), req.getPathInfo() == null ? "" : "/{uid}",
                status, Math.round((System.nanoTime() - t0) / 1e6));
    }

    private int route(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getMethod().equals("GET") && !req.getMethod().equals("HEAD")) {
            resp.setHeader("Allow", "GET, HEAD");
            return error(resp, 405, req.getMethod() + " is not allowed on /api/v1/studies");
        }
        StudyIndex ix = index;
        if (ix == null) {
            return error(resp, 503, "the DICOM ingest is not available");
        }
        String path = req.getPathInfo();
        if (path == null || path.equals("/")) {
            JsonObject o = new JsonObject();
            o.add("ingest", ix.ingest());
            o.add("studies", ix.studies());
            return send(resp, 200, o);
        }
        String uid = path.substring(1);
        if (uid.endsWith("/sr")) {
            return report(ix, uid.substring(0, uid.length() - 3), req, resp);
        }
        if (!Uids.valid(uid)) {
            return error(resp, 400, "not a study instance UID (digits and dots, at most 64 characters)");
        }
        JsonObject study = ix.study(uid);
        if (study == null) {
            return error(resp, 404, "no such study");
        }
        return send(resp, 200, study);
    }

    /** {@code GET /api/v1/studies/{uid}/sr}: the structured report as {@code application/dicom}. */
    private static int report(StudyIndex ix, String uid, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        if (!Uids.valid(uid)) {
            return error(resp, 400, "not a study instance UID (digits and dots, at most 64 characters)");
        }
        Path f = ix.report(uid);
        if (f == null) {
            return error(resp, 404, ix.study(uid) == null ? "no such study" : "the study has no structured report "
                    + "(not diagnosed yet, or its diagnosis failed: see GET /api/v1/studies/{uid})");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            return error(resp, 404, "the structured report was replaced by a newer one; ask again");
        }
        resp.setStatus(200);
        resp.setContentType("application/dicom");
        resp.setHeader("Content-Disposition", "attachment; filename=\"report.dcm\"");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        if (!req.getMethod().equals("HEAD")) {
            try (OutputStream out = resp.getOutputStream()) {
                out.write(bytes);
            }
        }
        return 200;
    }

    private static int error(HttpServletResponse resp, int status, String message) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        o.addProperty("status", status);
        return send(resp, status, o);
    }

    private static int send(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        try (Writer w = resp.getWriter()) {
            GSON.toJson(body, w);
        }
        return status;
    }
}
