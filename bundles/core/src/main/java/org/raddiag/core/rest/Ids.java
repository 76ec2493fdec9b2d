package org.raddiag.core.rest;

import java.security.SecureRandom;

/** Random identifiers for requests and stored diagnoses (unguessable, no client data in them). */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String next(String prefix) {
        byte[] b = new byte[9];
        RANDOM.nextBytes(b);
        StringBuilder sb = new StringBuilder(prefix);
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }
}
