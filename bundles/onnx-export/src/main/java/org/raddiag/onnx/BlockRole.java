package org.raddiag.onnx;

import java.util.Locale;
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
public enum BlockRole {
    BACKBONE, POOLING, FUSION, HEAD;

    /** Architecture key naming the pooling block (default {@code attention1d}). */
    public static final String POOLING_KEY = "pooling";

    /**
     * Block type for this role in {@code config}: the backbone and head settings as they are, pooling
     * {@code attention1d} unless set, fusion {@code early} as {@code vitfuse}; null for late fusion (no block).
     */
    public String blockType(ArchitectureConfig config) {
        return switch (this) {
            case BACKBONE -> config.get(ArchitectureConfig.BACKBONE);
            case POOLING -> config.get(POOLING_KEY, "attention1d");
            case FUSION -> {
                String f = config.get(ArchitectureConfig.FUSION, "early");
                yield "late".equals(f) ? null : "early".equals(f) ? "vitfuse" : f;
            }
            case HEAD -> config.get(ArchitectureConfig.HEAD, "mlp");
        };
    }

    /** The role in lower case, as messages name it ({@code backbone}, {@code pooling}, ...). */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
