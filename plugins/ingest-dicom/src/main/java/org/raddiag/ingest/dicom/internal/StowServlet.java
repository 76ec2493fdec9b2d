package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
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
 * STOW-RS ({@code POST /dicomweb/studies}, {@code multipart/related; type="application/dicom"}): a second way into
 * the ingest with the C-STORE rules. Each part is streamed to the store's {@code incoming/} folder and stored by the
 * same receiver as a C-STORE (same transfer syntax and SOP class checks, stored durably before it counts), so its
 * study is completed and diagnosed the same way. The answer is DICOM JSON: the stored instances in
 * ReferencedSOPSequence, the refused ones in FailedSOPSequence with a FailureReason; 200 when all were stored, 202
 * when some, 409 when none; 415 for another content type, 413 over {@code stowMaxMegabytes}, 400 for a body that is
 * not multipart. The reasons go in {@code Warning} headers.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/dicomweb/studies",
        "osgi.http.whiteboard.servlet.name=raddiag-stow-rs"})
public final class StowServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StowServlet.class);
    /** FailureReason: processing failure / cannot understand (PS3.4 C.4.2.1.4). */
    private static final int CANNOT_UNDERSTAND = 0xC000;
    private static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile StudyIndex index;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getMethod().equals("POST")) {
            resp.setHeader("Allow", "POST");
            error(resp, 405, req.getMethod() + " is not allowed on /dicomweb/studies (STOW-RS: POST)");
            return;
        }
        StudyIndex ix = index;
        StudyIndex.Stow stow = ix == null ? null : ix.stow();
        if (stow == null) {
            error(resp, 503, "the DICOM ingest is not running");
            return;
        }
        String boundary;
        try {
            boundary = MultipartRelated.boundary(req.getContentType());
        } catch (IllegalArgumentException e) {
            error(resp, 415, e.getMessage());
            return;
        }
        if (req.getContentLengthLong() > stow.maxBytes()) {
            error(resp, 413, "the body of " + req.getContentLengthLong() + " bytes exceeds stowMaxMegabytes");
            return;
        }
        List<MultipartRelated.Part> parts;
        try {
            parts = MultipartRelated.split(req.getInputStream(), boundary, stow.incoming(), stow.maxBytes());
        } catch (org.raddiag.support.files.LimitedInputStream.TooLarge e) {
            error(resp, 413, e.getMessage() + " (stowMaxMegabytes)");
            return;
        } catch (MultipartRelated.Malformed e) {
            error(resp, 400, e.getMessage());
            return;
        }
        if (parts.isEmpty()) {
            error(resp, 400, "the multipart body has no parts");
            return;
        }
        JsonArray stored = new JsonArray();
        JsonArray failed = new JsonArray();
        List<String> warnings = new ArrayList<>();
        int n = 0;
        for (MultipartRelated.Part p : parts) {
            n++;
            if (!p.contentType().equals("application/dicom")) {
                Files.deleteIfExists(p.file());
                failed.add(sop(null, null, CANNOT_UNDERSTAND));
                warnings.add("part " + n + ": Content-Type " + (p.contentType().isEmpty() ? "missing" : p.contentType())
                        + ", not application/dicom");
                continue;
            }
            try {
                InstanceIds ids = stow.store(p.file());
                stored.add(sop(ids.sopClass, ids.sop, -1));
            } catch (Exception e) {
                Files.deleteIfExists(p.file());
                String why = Uids.redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                failed.add(sop(null, null, why.contains("SOP class") ? SOP_CLASS_NOT_SUPPORTED : CANNOT_UNDERSTAND));
                warnings.add("part " + n + ": " + why);
            }
        }
        JsonObject body = new JsonObject();
        if (stored.size() > 0) {
            body.add("00081199", sequence(stored));
        }
        if (failed.size() > 0) {
            body.add("00081198", sequence(failed));
        }
        for (String w : warnings) {
            resp.addHeader("Warning", "299 raddiag \"" + w.replace('"', '\'').replaceAll("[\\r\\n]", " ") + "\"");
        }
        int status = failed.size() == 0 ? 200 : stored.size() > 0 ? 202 : 409;
        LOG.info("STOW-RS: {} of {} instances stored", stored.size(), parts.size());
        send(resp, status, "application/dicom+json", body);
    }

    private static JsonObject sop(String sopClass, String sop, int failure) {
        JsonObject o = new JsonObject();
        if (sopClass != null) {
            o.add("00081150", value("UI", sopClass));
        }
        if (sop != null) {
            o.add("00081155", value("UI", sop));
        }
        if (failure >= 0) {
            JsonObject f = new JsonObject();
            f.addProperty("vr", "US");
            JsonArray v = new JsonArray();
            v.add(failure);
            f.add("Value", v);
            o.add("00081197", f);
        }
        return o;
    }

    private static JsonObject value(String vr, String v) {
        JsonObject o = new JsonObject();
        o.addProperty("vr", vr);
        JsonArray a = new JsonArray();
        a.add(v);
        o.add("Value", a);
        return o;
    }

    private static JsonObject sequence(JsonArray items) {
        JsonObject o = new JsonObject();
        o.addProperty("vr", "SQ");
        o.add("Value", items);
        return o;
    }

    private static void error(HttpServletResponse resp, int status, String message) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        o.addProperty("status", status);
        send(resp, status, "application/json", o);
    }

    private static void send(HttpServletResponse resp, int status, String type, JsonObject body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(type);
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        try (Writer w = resp.getWriter()) {
            w.write(body.toString());
        }
    }
}
