package org.raddiag.api.data;

import java.util.Locale;

/** Acquisition plane or projection of a scan. Not a model input; kept for display and reports. */
public enum Plane {
    AXIAL, CORONAL, SAGITTAL, FRONTAL, LATERAL, OBLIQUE, UNKNOWN;

    /** Parses names such as {@code Axial}; anything unrecognised is {@link #UNKNOWN}. */
    public static Plane parse(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
