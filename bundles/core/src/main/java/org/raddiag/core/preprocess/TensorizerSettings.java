package org.raddiag.core.preprocess;

import org.raddiag.api.model.ArchitectureConfig;

/**
 * Shape of the model input: scan slots S, slices D and in-plane size (reference 4, 32, 256), plus an optional CT
 * window (off by default, as in the reference).
 *
 * @param ctWindow the CT window, or null when off
 */
public record TensorizerSettings(int slots, int depth, int size, CtWindow ctWindow) {
    public TensorizerSettings {
        if (slots <= 0 || depth <= 0 || size <= 0) {
            throw new IllegalArgumentException("slots, depth and size must be positive: " + slots + ", " + depth
                    + ", " + size);
        }
        if ((long) slots * size * size * depth > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("input of " + slots + " x " + size + "^2 x " + depth + " is too large");
        }
    }

    /** Reference settings: 4 slots, 32 slices, 256 x 256, no windowing. */
    public static TensorizerSettings reference() {
        return new TensorizerSettings(4, 32, 256, null);
    }

    /**
     * Slots, depth and size from an architecture ({@code slots}, {@code depth}, {@code image_size}), and its optional
     * {@code ct_window} preset (part of the model: training and diagnosis must preprocess alike).
     */
    public static TensorizerSettings of(ArchitectureConfig a) {
        String w = a.get(ArchitectureConfig.CT_WINDOW, "").trim();
        CtWindow window;
        try {
            window = w.isEmpty() || w.equals("none") ? null : CtWindow.valueOf(w.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ct_window '" + w + "' (brain, lung, bone, abdomen or none)", e);
        }
        return new TensorizerSettings(a.getInt(ArchitectureConfig.SLOTS), a.getInt(ArchitectureConfig.DEPTH),
                a.getInt(ArchitectureConfig.IMAGE_SIZE), window);
    }

    public TensorizerSettings withCtWindow(CtWindow w) {
        return new TensorizerSettings(slots, depth, size, w);
    }

    @Override
    public String toString() {
        return "slots=" + slots + ", depth=" + depth + ", size=" + size + (ctWindow == null ? "" : ", window=" + ctWindow);
    }
}
