package org.raddiag.api.data;

/**
 * Attention of the depth-pooling layer over the slices of one scan: the CLS query's softmax probabilities over the
 * valid slices (the remainder goes to the CLS token itself, so they sum to at most 1).
 *
 * @param scan index of the scan in the case, in the order the model saw them
 */
public record SliceAttention(int scan, String source, float[] weights) {
    public SliceAttention {
        weights = weights.clone();
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    /** Index of the slice with the highest attention. */
    public int keySlice() {
        int best = 0;
        for (int i = 1; i < weights.length; i++) {
            if (weights[i] > weights[best]) {
                best = i;
            }
        }
        return best;
    }
}
