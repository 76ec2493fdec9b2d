package org.raddiag.reader.dicom.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

/**
 * The transfer syntaxes this reader decodes (PixelMed + its lossless JPEG codec + JAI JPEG 2000) and, for the others,
 * a refusal that names the syntax and says how to convert the file.
 */
final class TransferSyntaxes {
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";

    private static final Set<String> DECODED = Set.of(IMPLICIT_LE, "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2",
            "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.57",
            "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(IMPLICIT_LE, "Implicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.1", "Explicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.2", "Explicit VR Big Endian"),
            Map.entry("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.5", "RLE Lossless"),
            Map.entry("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)"),
            Map.entry(JPEG_EXTENDED, "JPEG Extended (Process 2 & 4)"),
            Map.entry("1.2.840.10008.1.2.4.57", "JPEG Lossless (Process 14)"),
            Map.entry("1.2.840.10008.1.2.4.70", "JPEG Lossless SV1 (Process 14, Selection Value 1)"),
            Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
            Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
            Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless"),
            Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000"),
            Map.entry("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Lossless"),
            Map.entry("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component"),
            Map.entry("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Lossless"),
            Map.entry("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 RPCL Lossless"),
            Map.entry("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000"),
            Map.entry("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile"),
            Map.entry("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264"),
            Map.entry("1.2.840.10008.1.2.4.107", "HEVC/H.265"));

    private TransferSyntaxes() {
    }

    /** Human-readable name of {@code uid}, or "unknown transfer syntax". */
    static String name(String uid) {
        return NAMES.getOrDefault(uid, "unknown transfer syntax");
    }

    /**
     * Refuses syntaxes that cannot be decoded. JPEG Extended (.51) decodes only with 8-bit samples (the JDK JPEG
     * reader); 12-bit data is refused.
     */
    static void requireDecodable(Path file, String uid, int bitsStored) throws ReadException {
        if (DECODED.contains(uid) || (JPEG_EXTENDED.equals(uid) && bitsStored <= 8)) {
            return;
        }
        throw unsupported(file, uid);
    }

    static ReadException unsupported(Path file, String uid) {
        return new ReadException(file, Reason.UNSUPPORTED, "transfer syntax " + uid + " (" + name(uid)
                + ") cannot be decoded; convert the file to an uncompressed syntax first, e.g. " + advice(uid));
    }

    private static String advice(String uid) {
        if (uid.startsWith("1.2.840.10008.1.2.4.8")) {
            return "`dcmdjpls in.dcm out.dcm` (dcmtk) or `gdcmconv --raw in.dcm out.dcm` (GDCM)";
        }
        if (uid.startsWith("1.2.840.10008.1.2.4.5") || uid.startsWith("1.2.840.10008.1.2.4.6")) {
            return "`dcmdjpeg in.dcm out.dcm` (dcmtk) or `gdcmconv --raw in.dcm out.dcm` (GDCM)";
        }
        return "`gdcmconv --raw in.dcm out.dcm` (GDCM)";
    }
}
