package org.raddiag.trainer.internal;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;

/**
 * String settings read as typed values (for {@link TrainingSpec}); a bad value is an {@link IllegalArgumentException}
 * that names the key and the value.
 */
record SettingValues(Map<String, String> map) {
    SettingValues {
        map = Collections.unmodifiableMap(map);
    }

    String raw(String k) {
        return map.get(k);
    }

    int integer(String k) {
        try {
            return Integer.parseInt(raw(k));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(k + " is not an integer: '" + raw(k) + "'", e);
        }
    }

    double number(String k) {
        try {
            return Double.parseDouble(raw(k));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(k + " is not a number: '" + raw(k) + "'", e);
        }
    }

    boolean bool(String k) {
        String s = raw(k).toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
            throw new IllegalArgumentException(k + " must be true or false, got '" + raw(k) + "'");
        }
        return s.equals("true");
    }

    void positive(String k) {
        if (integer(k) <= 0) {
            throw new IllegalArgumentException(k + " must be positive, got " + raw(k));
        }
    }

    void prob(String k) {
        double p = number(k);
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(k + " must be in [0, 1], got " + raw(k));
        }
    }
}
