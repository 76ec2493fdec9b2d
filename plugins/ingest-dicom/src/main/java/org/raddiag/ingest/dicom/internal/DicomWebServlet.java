package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonObject;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
 * DICOMweb on the ingest's store, an HTTP Whiteboard servlet in the default context:
 * <ul>
 * <li>STOW-RS {@code POST /dicomweb/studies} ({@link StowRs});</li>
 * <li>QIDO-RS {@code GET /dicomweb/studies}, {@code /studies/{study}/series},
 * {@code /studies/{study}/series/{series}/instances} ({@link Qido}), {@code application/dicom+json};</li>
 * <li>WADO-RS {@code GET /dicomweb/studies/{study}}, {@code .../series/{series}},
 * {@code .../instances/{sop}}: the stored files as they were received (no transcoding), and the study's structured
 * report, as {@code multipart/related; type="application/dicom"}.</li>
 * </ul>
 * 400 for a bad UID or query, 404 for an unknown study, series, instance or resource, 405 for another method, 406
 * when the Accept header asks for a representation not served (another media type, or a transfer syntax the files
 * are not stored in).
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/dicomweb/studies",
        "osgi.http.whiteboard.servlet.pattern=/dicomweb/studies/*",
        "osgi.http.whiteboard.servlet.name=raddiag-dicomweb"})
public final class DicomWebServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DicomWebServlet.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile StudyIndex index;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        List<String> at = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                at.add(s);
            }
        }
        boolean get = req.getMethod().equals("GET") || req.getMethod().equals("HEAD");
        if (at.isEmpty() && req.getMethod().equals("POST")) {
            StudyIndex ix = index;
            StudyIndex.Stow stow = ix == null ? null : ix.stow();
            if (stow == null) {
                error(resp, 503, "the DICOM ingest is not running");
                return;
            }
            StowRs.post(req, resp, stow);
            return;
        }
        if (!get) {
            resp.setHeader("Allow", at.isEmpty() ? "GET, HEAD, POST" : "GET, HEAD");
            error(resp, 405, req.getMethod() + " is not allowed here (STOW-RS: POST /dicomweb/studies; QIDO-RS and "
                    + "WADO-RS: GET)");
            return;
        }
        StudyIndex ix = index;
        Archive archive = ix == null ? null : ix.archive();
        if (archive == null) {
            error(resp, 503, "the DICOM ingest is not running");
            return;
        }
        try {
            route(req, resp, archive, at);
        } catch (Qido.BadQuery e) {
            error(resp, 400, e.getMessage());
        }
    }

    private void route(HttpServletRequest req, HttpServletResponse resp, Archive archive, List<String> at)
            throws IOException, Qido.BadQuery {
        int n = at.size();
        boolean shape = (n == 0 || n >= 1 && Uids.valid(at.get(0))) && (n < 2 || at.get(1).equals("series"))
                && (n < 3 || Uids.valid(at.get(2))) && (n < 4 || at.get(3).equals("instances"))
                && (n < 5 || Uids.valid(at.get(4))) && n <= 5;
        if (!shape) {
            boolean badUid = n >= 1 && !Uids.valid(at.get(0)) || n >= 3 && at.get(1).equals("series")
                    && !Uids.valid(at.get(2)) || n >= 5 && at.get(3).equals("instances") && !Uids.valid(at.get(4));
            error(resp, badUid ? 400 : 404, badUid ? "not a UID (digits and dots, at most 64 characters)"
                    : "no such DICOMweb resource (served: /studies, /studies/{study}[/series[/{series}[/instances"
                    + "[/{sop}]]]])");
            return;
        }
        if (n == 0 || n == 2 || n == 4) {
            if (!acceptsJson(req.getHeader("Accept"))) {
                error(resp, 406, "QIDO-RS answers application/dicom+json only (Accept: " + shown(req) + ")");
                return;
            }
            Qido qido = new Qido(archive, base(req));
            Map<String, String[]> q = req.getParameterMap();
            Qido.Result r = n == 0 ? qido.studies(q) : n == 2 ? qido.series(at.get(0), q)
                    : qido.instances(at.get(0), at.get(2), q);
            if (r == null) {
                error(resp, 404, n == 2 ? "no such study" : "no such study or series");
                return;
            }
            for (String k : r.ignored()) {
                warning(resp, "the query key " + k + " is not supported at this level and was ignored");
            }
            resp.setStatus(200);
            resp.setContentType("application/dicom+json");
            resp.setCharacterEncoding("UTF-8");
            resp.setHeader("Cache-Control", "no-store");
            if (!req.getMethod().equals("HEAD")) {
                try (Writer w = resp.getWriter()) {
                    w.write(r.matches().toString());
                }
            }
            return;
        }
        List<Path> files = new ArrayList<>();
        Map<String, List<Path>> series = archive.series(at.get(0));
        if (n == 1) {
            series.values().forEach(files::addAll);
        } else if (series.containsKey(at.get(2))) {
            for (Path f : series.get(at.get(2))) {
                String name = f.getFileName().toString();
                if (n == 3 || name.equals(at.get(4) + InstanceStore.SUFFIX)) {
                    files.add(f);
                }
            }
        }
        if (files.isEmpty()) {
            error(resp, 404, n == 1 ? "no such study" : n == 3 ? "no such study or series"
                    : "no such study, series or instance");
            return;
        }
        String refused = acceptsDicom(req.getHeader("Accept"), files);
        if (refused != null) {
            error(resp, 406, refused + " (Accept: " + shown(req) + ")");
            return;
        }
        wado(req, resp, files);
    }

    /** The files as one multipart/related body, one application/dicom part each. */
    private static void wado(HttpServletRequest req, HttpServletResponse resp, List<Path> files) throws IOException {
        String boundary = "raddiag-" + UUID.randomUUID();
        resp.setStatus(200);
        resp.setContentType("multipart/related; type=\"application/dicom\"; boundary=" + boundary);
        resp.setHeader("Cache-Control", "no-store");
        if (req.getMethod().equals("HEAD")) {
            return;
        }
        int sent = 0;
        try (OutputStream out = resp.getOutputStream()) {
            for (Path f : files) {
                byte[] head = ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                try (var in = Files.newInputStream(f)) {
                    out.write(head);
                    in.transferTo(out);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent++;
                } catch (NoSuchFileException e) {
                    LOG.info("WADO-RS: a report was replaced by a newer one while it was sent; left out");
                }
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        LOG.debug("WADO-RS: {} instances", sent);
    }

    /** Whether an Accept header takes DICOM JSON (none, any, application/json, application/dicom+json). */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals("*/*") || type.equals("application/*") || type.equals("application/json")
                    || type.equals("application/dicom+json")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Null when an Accept header takes the files as they are stored in a multipart/related body of application/dicom
     * parts, else why not.
     */
    static String acceptsDicom(String accept, List<Path> files) throws IOException {
        if (accept == null || accept.isBlank()) {
            return null;
        }
        String why = "WADO-RS answers multipart/related; type=\"application/dicom\" only";
        for (String range : accept.split(",")) {
            String[] p = range.split(";");
            String type = p[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals("*/*") || type.equals("multipart/*")) {
                return null;
            }
            if (!type.equals("multipart/related")) {
                continue;
            }
            String partType = null;
            String syntax = null;
            for (int i = 1; i < p.length; i++) {
                String[] kv = p[i].split("=", 2);
                String v = kv.length < 2 ? "" : kv[1].trim().replace("\"", "");
                if (kv[0].trim().equalsIgnoreCase("type")) {
                    partType = v.toLowerCase(Locale.ROOT);
                } else if (kv[0].trim().equalsIgnoreCase("transfer-syntax")) {
                    syntax = v;
                }
            }
            if (partType != null && !partType.equals("application/dicom")) {
                continue;
            }
            if (syntax == null || syntax.equals("*")) {
                return null;
            }
            String stored = storedSyntaxOtherThan(syntax, files);
            if (stored == null) {
                return null;
            }
            why = "an instance is stored in transfer syntax " + stored + ", not " + syntax
                    + ", and is not transcoded (ask for transfer-syntax=*)";
        }
        return why;
    }

    private static String storedSyntaxOtherThan(String syntax, List<Path> files) throws IOException {
        for (Path f : files) {
            String ts = Attribute.getSingleStringValueOrEmptyString(InstanceHeader.attributes(f), TagFromName.TransferSyntaxUID)
                    .trim();
            if (!ts.equals(syntax)) {
                return ts;
            }
        }
        return null;
    }

    /** The absolute URL of /dicomweb as the client addressed it. */
    private static String base(HttpServletRequest req) {
        String url = req.getRequestURL().toString();
        int i = url.indexOf("/dicomweb/");
        return i < 0 ? url : url.substring(0, i) + "/dicomweb";
    }

    private static String shown(HttpServletRequest req) {
        String a = String.valueOf(req.getHeader("Accept")).replaceAll("[^\\x20-\\x7e]", "?");
        return a.length() > 100 ? a.substring(0, 100) + "..." : a;
    }

    static void warning(HttpServletResponse resp, String text) {
        resp.addHeader("Warning", "299 raddiag \"" + text.replace('"', '\'').replaceAll("[\\r\\n]", " ") + "\"");
    }

    static void error(HttpServletResponse resp, int status, String message) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        o.addProperty("status", status);
        send(resp, status, "application/json", o);
    }

    static void send(HttpServletResponse resp, int status, String type, JsonObject body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(type);
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        try (Writer w = resp.getWriter()) {
            w.write(body.toString());
        }
    }
}
