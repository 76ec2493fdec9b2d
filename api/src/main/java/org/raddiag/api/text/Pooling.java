package org.raddiag.api.text;

import java.util.Locale;

/** How a text encoder turns its per-token states into one vector per text; either way the vector is L2-normalised. */
public enum Pooling {
    /** Mean of the token states over the attention mask (sentence-transformers, the reference). */
    MEAN,
    /** The state of the first ({@code [CLS]}) token (e.g. MedCPT, BERT-style classifiers). */
    CLS;

    /** {@code mean} or {@code cls}, any case; {@link IllegalArgumentException} naming the choices otherwise. */
    public static Pooling parse(String s) {
        if (s != null) {
            for (Pooling p : values()) {
                if (p.name().equalsIgnoreCase(s.trim())) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("pooling must be mean or cls, not '" + s + "'");
    }

    /** The lower-case name used in configuration and output. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
