package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STOW-RS ({@code POST /dicomweb/studies}, {@code multipart/related; type="application/dicom"}): a second way into
 * the ingest with the C-STORE rules. Each part is streamed to the store's {@code incoming/} folder and stored by the
 * same receiver as a C-STORE (same transfer syntax and SOP class checks, stored durably before it counts), so its
 * study is completed and diagnosed the same way. The answer is DICOM JSON: the stored instances in
 * ReferencedSOPSequence, the refused ones in FailedSOPSequence with a FailureReason; 200 when all were stored, 202
 * when some, 409 when none; 415 for another content type, 413 over {@code stowMaxMegabytes}, 400 for a body that is
 * not multipart. The reasons go in {@code Warning} headers. Served by {@link DicomWebServlet}.
 */
final class StowRs {
    private static final Logger LOG = LoggerFactory.getLogger(StowRs.class);
    /** FailureReason: processing failure / cannot understand (PS3.4 C.4.2.1.4). */
    private static final int CANNOT_UNDERSTAND = 0xC000;
    private static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;

    private StowRs() {
    }

    /** {@code POST /dicomweb/studies}. */
    static void post(HttpServletRequest req, HttpServletResponse resp, StudyIndex.Stow stow) throws IOException {
        String boundary;
        try {
            boundary = MultipartRelated.boundary(req.getContentType());
        } catch (IllegalArgumentException e) {
            DicomWebServlet.error(resp, 415, e.getMessage());
            return;
        }
        if (req.getContentLengthLong() > stow.maxBytes()) {
            DicomWebServlet.error(resp, 413, "the body of " + req.getContentLengthLong() + " bytes exceeds stowMaxMegabytes");
            return;
        }
        List<MultipartRelated.Part> parts;
        try {
            parts = MultipartRelated.split(req.getInputStream(), boundary, stow.incoming(), stow.maxBytes());
        } catch (org.raddiag.support.files.LimitedInputStream.TooLarge e) {
            DicomWebServlet.error(resp, 413, e.getMessage() + " (stowMaxMegabytes)");
            return;
        } catch (MultipartRelated.Malformed e) {
            DicomWebServlet.error(resp, 400, e.getMessage());
            return;
        }
        if (parts.isEmpty()) {
            DicomWebServlet.error(resp, 400, "the multipart body has no parts");
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
            body.add("00081199", DicomJson.sequence(stored));
        }
        if (failed.size() > 0) {
            body.add("00081198", DicomJson.sequence(failed));
        }
        for (String w : warnings) {
            DicomWebServlet.warning(resp, w);
        }
        int status = failed.size() == 0 ? 200 : stored.size() > 0 ? 202 : 409;
        LOG.info("STOW-RS: {} of {} instances stored", stored.size(), parts.size());
        DicomWebServlet.send(resp, status, "application/dicom+json", body);
    }

    private static JsonObject sop(String sopClass, String sop, int failure) {
        JsonObject o = new JsonObject();
        if (sopClass != null) {
            o.add("00081150", DicomJson.value("UI", sopClass));
        }
        if (sop != null) {
            o.add("00081155", DicomJson.value("UI", sop));
        }
        if (failure >= 0) {
            o.add("00081197", DicomJson.number("US", failure));
        }
        return o;
    }
}
