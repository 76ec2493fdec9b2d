package org.raddiag.onnx;

import org.raddiag.api.model.ArchitectureConfig;

/**
 * The roles blocks play in the exported RadNet graph and the tensors each role reads and writes (N = B*S*D slices,
 * M = B*S scans, B cases; D, S dynamic). The exporter calls one converter per role, with the block type
 * {@link #blockType} names.
 *
 * <ul>
 * <li>{@link #BACKBONE}: in {@code slices (N, 3, H, W)} float; out {@code features (N, F)}.</li>
 * <li>{@link #POOLING}: in {@code x (M, D, hidden)}, {@code marks (M, D)} int64 (non-zero = valid); out
 *     {@code pooled (M, hidden)}, {@code clsAttention (M, D + 1)} (softmax row of the CLS query, averaged over
 *     heads, column 0 = CLS).</li>
 * <li>{@link #FUSION}: in {@code feats (B, S, hidden)}, {@code mods (B, S)} int64 (0 = empty slot); out
 *     {@code fused (B, hidden)}.</li>
 * <li>{@link #HEAD}: in {@code x (B, hidden)}; out {@code logits (B, classes)}.</li>
 * </ul>
 */
public final class BlockRoles {
    public static final String BACKBONE = "backbone";
    public static final String POOLING = "pooling";
    public static final String FUSION = "fusion";
    public static final String HEAD = "head";
    /** Architecture key naming the pooling block (default {@code attention1d}). */
    public static final String POOLING_KEY = "pooling";

    private BlockRoles() {
    }

    /**
     * Block type for {@code role} in {@code config}: the backbone and head settings as they are, pooling
     * {@code attention1d} unless set, fusion {@code early} as {@code vitfuse}; null for late fusion (no block).
     */
    public static String blockType(String role, ArchitectureConfig config) {
        switch (role) {
            case BACKBONE:
                return config.get(ArchitectureConfig.BACKBONE);
            case POOLING:
                return config.get(POOLING_KEY, "attention1d");
            case FUSION:
                String f = config.get(ArchitectureConfig.FUSION, "early");
                return "late".equals(f) ? null : "early".equals(f) ? "vitfuse" : f;
            case HEAD:
                return config.get(ArchitectureConfig.HEAD, "mlp");
            default:
                throw new IllegalArgumentException("unknown block role '" + role + "'");
        }
    }
}
