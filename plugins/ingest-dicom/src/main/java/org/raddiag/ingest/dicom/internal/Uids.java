package org.raddiag.ingest.dicom.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * DICOM UIDs arrive from the network and become folder and file names, so they are untrusted: only digits in
 * dot-separated components (no empty component, hence never {@code .} or {@code ..}), at most 64 characters.
 * Logs carry UIDs only as a short hash.
 */
final class Uids {
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final int MAX_LENGTH = 64;
    /** Anything that looks like a UID (five or more numeric components; not IPv4 addresses) in a message. */
    private static final Pattern IN_TEXT = Pattern.compile("[0-9]+(\\.[0-9]+){4,}");

    private Uids() {
    }

    /** Whether {@code uid} may name a folder or file. */
    static boolean valid(String uid) {
        return uid != null && uid.length() <= MAX_LENGTH && UID.matcher(uid).matches();
    }

    /** A UI value without its padding (trailing NUL or spaces), or null. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == '\0' || value.charAt(end - 1) == ' ')) {
            end--;
        }
        return value.substring(0, end);
    }

    /**
     * {@code uid} if it is valid.
     *
     * @throws IllegalArgumentException naming the attribute (never the value) otherwise
     */
    static String require(String attribute, String uid) {
        if (!valid(uid)) {
            throw new IllegalArgumentException(attribute + " is missing or not a valid UID (digits and dots only)");
        }
        return uid;
    }

    /** {@code message} with every UID-like token replaced by its hash, for logs and error reasons. */
    static String redact(String message) {
        if (message == null) {
            return null;
        }
        java.util.regex.Matcher m = IN_TEXT.matcher(message);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, "uid#" + hash(m.group()));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** The first 12 hex digits of the SHA-256 of {@code uid}: stable, short, and not the UID itself. */
    static String hash(String uid) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(String.valueOf(uid).getBytes(StandardCharsets.US_ASCII));
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                b.append(String.format("%02x", d[i]));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
