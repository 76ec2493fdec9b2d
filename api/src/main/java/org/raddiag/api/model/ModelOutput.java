package org.raddiag.api.model;

/**
 * Output of the RadDiag network for B cases: logits (B, C) and the depth-pooling attention over the slices of every
 * slot (B, S, D): the CLS row of the softmax probabilities, averaged over heads, without the CLS column (zeros for
 * masked slices and empty slots).
 *
 * @param logits         (B * C), case-major
 * @param sliceAttention (B * S * D), case-major then slot
 */
public record ModelOutput(float[] logits, float[] sliceAttention, int cases, int classes, int slots, int depth) {
    public ModelOutput {
        if (logits.length != (long) cases * classes) {
            throw new IllegalArgumentException("logits need " + cases * classes + " values, got " + logits.length);
        }
        if (sliceAttention.length != (long) cases * slots * depth) {
            throw new IllegalArgumentException("slice attention needs " + cases * slots * depth + " values, got "
                    + sliceAttention.length);
        }
    }
}
