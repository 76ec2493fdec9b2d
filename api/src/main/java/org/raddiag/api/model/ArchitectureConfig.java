package org.raddiag.api.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Architecture of a RadDiag model as named settings, so plugins can add their own keys. The well-known keys and
 * the reference defaults (checkpoint {@code RP3D_5569_res_ART_256_32_BCE_T_4_2_0.7_2048_E_F_F_F_N}) are constants.
 */
public final class ArchitectureConfig {
    public static final String BACKBONE = "backbone";
    public static final String IMAGE_SIZE = "image_size";
    public static final String DEPTH = "depth";
    public static final String SLOTS = "slots";
    public static final String HIDDEN = "hidden";
    public static final String CLASSES = "classes";
    public static final String FUSION = "fusion";
    public static final String HEAD = "head";
    /** Optional CT window applied before normalisation ({@code brain}, {@code lung}, {@code bone}, {@code abdomen}). */
    public static final String CT_WINDOW = "ct_window";

    private final Map<String, String> values;

    public ArchitectureConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The published default: ResNet-50, 256x256, 32 slices, 4 slots, hidden 2048, 5569 classes, early fusion, MLP. */
    public static ArchitectureConfig referenceDefault() {
        return new ArchitectureConfig(Map.of(BACKBONE, "resnet50", IMAGE_SIZE, "256", DEPTH, "32", SLOTS, "4",
                HIDDEN, "2048", CLASSES, "5569", FUSION, "early", HEAD, "mlp"));
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("architecture setting '" + key + "' is missing");
        }
        return v;
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public int getInt(String key) {
        String v = get(key);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("architecture setting '" + key + "' is not an integer: " + v, e);
        }
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** A copy with {@code key} set to {@code value}. */
    public ArchitectureConfig with(String key, String value) {
        Map<String, String> m = new TreeMap<>(values);
        m.put(key, value);
        return new ArchitectureConfig(m);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
