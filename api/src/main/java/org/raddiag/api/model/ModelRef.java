package org.raddiag.api.model;

import java.util.Objects;

/** A model name with an optional semantic version, written {@code name[:version]}. */
public final class ModelRef {
    private final String name;
    private final String version;

    public ModelRef(String name, String version) {
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("invalid model name '" + name + "' (letters, digits, . _ - only)");
        }
        this.name = name;
        this.version = version == null || version.isBlank() ? null : version;
    }

    /** Parses {@code name} or {@code name:version}. */
    public static ModelRef parse(String s) {
        int i = s.indexOf(':');
        return i < 0 ? new ModelRef(s, null) : new ModelRef(s.substring(0, i), s.substring(i + 1));
    }

    public String name() {
        return name;
    }

    /** The version, or null for "the newest". */
    public String version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelRef && ((ModelRef) o).name.equals(name) && Objects.equals(((ModelRef) o).version, version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version);
    }

    @Override
    public String toString() {
        return version == null ? name : name + ":" + version;
    }
}
