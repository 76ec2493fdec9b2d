package org.raddiag.checkpoint;

import java.util.Locale;

/**
 * Element types found in checkpoints. Floating types are decoded to {@code float[]}, integral and boolean types to
 * {@code long[]}; {@link #safetensorsName()} is the dtype string of the safetensors header.
 */
public enum DType {
    F64(8, true), F32(4, true), F16(2, true), BF16(2, true),
    I64(8, false), I32(4, false), I16(2, false), I8(1, false), U8(1, false), BOOL(1, false);

    private final int byteSize;
    private final boolean floating;

    DType(int byteSize, boolean floating) {
        this.byteSize = byteSize;
        this.floating = floating;
    }

    /** Bytes per element on disk. */
    public int byteSize() {
        return byteSize;
    }

    /** Whether values are held as {@code float[]} (otherwise {@code long[]}). */
    public boolean isFloating() {
        return floating;
    }

    public String safetensorsName() {
        return name();
    }

    /** The type for a safetensors dtype string such as {@code F32}; throws for unknown names. */
    public static DType fromSafetensors(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unsupported safetensors dtype '" + name + "'", e);
        }
    }
}
