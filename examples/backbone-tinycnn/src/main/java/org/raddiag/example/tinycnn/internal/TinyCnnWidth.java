package org.raddiag.example.tinycnn.internal;

import org.raddiag.api.model.ArchitectureConfig;

/**
 * The one setting of the backbone: {@value #KEY} (default {@value #DEFAULT}), the feature width F. A plugin's own
 * settings carry its name and a dot, so {@code train --set tinycnn.width=64} reaches it through the architecture.
 */
final class TinyCnnWidth {
    static final String KEY = "tinycnn.width";
    static final int DEFAULT = 32;

    private TinyCnnWidth() {
    }

    /** The width {@code config} asks for; an even number from 2 to 4096. */
    static int of(ArchitectureConfig config) {
        String v = config.get(KEY, Integer.toString(DEFAULT)).trim();
        int w;
        try {
            w = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(KEY + " must be an integer, not '" + v + "'");
        }
        if (w < 2 || w > 4096 || w % 2 != 0) {
            throw new IllegalArgumentException(KEY + " must be an even number from 2 to 4096, not " + w);
        }
        return w;
    }
}
