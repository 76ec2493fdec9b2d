package org.raddiag.core.rest;

import java.util.List;
import java.util.Map;

/**
 * A diagnosis kept for the web page: its JSON and, per scan slot, the slices the model saw (the preprocessed
 * tensor, min-max normalised, quantised to 8 bits, depth-last: {@code (y * size + x) * depth + z}).
 */
record StoredDiagnosis(String id, Map<String, Object> json, int size, int depth, List<byte[]> slots,
        List<Integer> validSlices) {
    StoredDiagnosis {
        slots = List.copyOf(slots);
        validSlices = List.copyOf(validSlices);
    }

    /** Slice {@code k} of scan slot {@code n} as 8-bit grey pixels (row-major), or null when out of range. */
    byte[] slice(int n, int k) {
        if (n < 0 || n >= slots.size() || k < 0 || k >= validSlices.get(n)) {
            return null;
        }
        byte[] src = slots.get(n);
        byte[] px = new byte[size * size];
        for (int p = 0; p < px.length; p++) {
            px[p] = src[p * depth + k];
        }
        return px;
    }
}
