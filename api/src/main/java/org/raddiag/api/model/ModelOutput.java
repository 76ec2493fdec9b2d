package org.raddiag.api.model;

/**
 * Output of the RadDiag network for B cases: logits (B, C) and the depth-pooling attention over the slices of every
 * slot (B, S, D): the CLS row of the softmax probabilities, averaged over heads, without the CLS column (zeros for
 * masked slices and empty slots).
 */
public final class ModelOutput {
    private final float[] logits;
    private final float[] sliceAttention;
    private final int cases;
    private final int classes;
    private final int slots;
    private final int depth;

    public ModelOutput(float[] logits, float[] sliceAttention, int cases, int classes, int slots, int depth) {
        if (logits.length != (long) cases * classes) {
            throw new IllegalArgumentException("logits need " + cases * classes + " values, got " + logits.length);
        }
        if (sliceAttention.length != (long) cases * slots * depth) {
            throw new IllegalArgumentException("slice attention needs " + cases * slots * depth + " values, got "
                    + sliceAttention.length);
        }
        this.logits = logits;
        this.sliceAttention = sliceAttention;
        this.cases = cases;
        this.classes = classes;
        this.slots = slots;
        this.depth = depth;
    }

    /** (B * C), case-major. */
    public float[] logits() {
        return logits;
    }

    /** (B * S * D), case-major then slot. */
    public float[] sliceAttention() {
        return sliceAttention;
    }

    public int cases() {
        return cases;
    }

    public int classes() {
        return classes;
    }

    public int slots() {
        return slots;
    }

    public int depth() {
        return depth;
    }
}
