package org.raddiag.ingest.dicom.internal;

import com.pixelmed.dicom.SOPClass;
import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * Association negotiation: accepts image storage SOP classes (and Verification, for C-ECHO) in the transfer
 * syntaxes the DICOM reader plugin decodes, choosing the first of them the sender proposes in each presentation
 * context; every other presentation context is rejected ("abstract syntax not supported" or "transfer syntaxes not
 * supported"). A sender with JPEG-LS or 12-bit JPEG data then has to send it uncompressed.
 */
final class TransferSyntaxPolicy implements PresentationContextSelectionPolicy {
    /** Accepted transfer syntaxes, by UID, with their names. */
    static final Map<String, String> ACCEPTED = accepted();
    /** PS3.8 presentation context result/reason values. */
    static final byte ACCEPTANCE = 0;
    static final byte ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    static final byte TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    private static Map<String, String> accepted() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("1.2.840.10008.1.2.1", "Explicit VR Little Endian");
        m.put("1.2.840.10008.1.2", "Implicit VR Little Endian");
        m.put("1.2.840.10008.1.2.2", "Explicit VR Big Endian");
        m.put("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian");
        m.put("1.2.840.10008.1.2.5", "RLE Lossless");
        m.put("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)");
        m.put("1.2.840.10008.1.2.4.57", "JPEG Lossless (Process 14)");
        m.put("1.2.840.10008.1.2.4.70", "JPEG Lossless SV1 (Process 14, selection value 1)");
        m.put("1.2.840.10008.1.2.4.90", "JPEG 2000 (lossless only)");
        m.put("1.2.840.10008.1.2.4.91", "JPEG 2000");
        return java.util.Collections.unmodifiableMap(m);
    }

    static boolean acceptsTransferSyntax(String uid) {
        return uid != null && ACCEPTED.containsKey(Uids.clean(uid));
    }

    /** Image storage SOP classes, and Verification so that C-ECHO works. */
    static boolean acceptsAbstractSyntax(String uid) {
        String u = Uids.clean(uid);
        return u != null && (SOPClass.isImageStorage(u) || SOPClass.isVerification(u));
    }

    /** Whether a received instance of {@code sopClass} may be stored (Verification has no instances). */
    static boolean storable(String sopClass) {
        return sopClass != null && SOPClass.isImageStorage(Uids.clean(sopClass));
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public LinkedList applyPresentationContextSelectionPolicy(LinkedList contexts, int association, int debugLevel) {
        for (Object o : contexts) {
            PresentationContext pc = (PresentationContext) o;
            List<?> proposed = List.copyOf(pc.getTransferSyntaxUIDs());
            pc.newTransferSyntaxUIDs();
            if (!acceptsAbstractSyntax(pc.getAbstractSyntaxUID())) {
                pc.setResultReason(ABSTRACT_SYNTAX_NOT_SUPPORTED);
                continue;
            }
            String chosen = null;
            for (Object ts : proposed) {
                if (ts != null && acceptsTransferSyntax(ts.toString())) {
                    chosen = Uids.clean(ts.toString());
                    break;
                }
            }
            if (chosen == null) {
                pc.setResultReason(TRANSFER_SYNTAXES_NOT_SUPPORTED);
            } else {
                pc.addTransferSyntaxUID(chosen);
                pc.setResultReason(ACCEPTANCE);
            }
        }
        return contexts;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public LinkedList applyPresentationContextSelectionPolicy(LinkedList contexts, int association) {
        return applyPresentationContextSelectionPolicy(contexts, association, 0);
    }
}
