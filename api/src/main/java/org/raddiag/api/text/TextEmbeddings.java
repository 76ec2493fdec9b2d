package org.raddiag.api.text;

import java.util.List;

/**
 * What a text encoder made of a batch: one unit-length vector per text, in input order, and the warnings a caller
 * must be able to show (e.g. a text cut at the token limit) instead of silently using a different text.
 *
 * @param vectors  {@code texts x dimension}
 * @param warnings human-readable, each naming the text (by index) it is about; empty when none
 */
public record TextEmbeddings(float[][] vectors, List<String> warnings) {
    public TextEmbeddings {
        warnings = List.copyOf(warnings);
    }

    /** Number of texts embedded. */
    public int size() {
        return vectors.length;
    }
}
