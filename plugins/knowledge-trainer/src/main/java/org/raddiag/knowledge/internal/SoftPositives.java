package org.raddiag.knowledge.internal;

/**
 * How strongly two disorders count as positives in the contrastive loss: {@link #CODE} when they share an ICD-10
 * three-character code (synonyms and subtypes of one disease), {@link #BLOCK} for the same block (e.g. I60-I69,
 * cerebrovascular diseases), {@link #CHAPTER} for the same chapter (e.g. I00-I99, the circulatory system), 0
 * otherwise. The weights fall by about an order of magnitude per level so that a block's many members (often
 * dozens per batch) do not outweigh the few same-code partners; they are the targets before normalisation.
 */
public final class SoftPositives {
    public static final float CODE = 1.0f;
    public static final float BLOCK = 0.2f;
    public static final float CHAPTER = 0.02f;

    private SoftPositives() {
    }

    /** The positive weight of disorders {@code a} and {@code b} of {@code k}. */
    public static float weight(IcdKnowledge k, int a, int b) {
        if (k.codes().get(a).equals(k.codes().get(b))) {
            return CODE;
        }
        if (k.blocks().get(a).equals(k.blocks().get(b))) {
            return BLOCK;
        }
        return k.chapters().get(a).equals(k.chapters().get(b)) ? CHAPTER : 0f;
    }

    /** Row-major {@code rows.length x cols.length} weights of disorder {@code rows[i]} and {@code cols[j]}. */
    public static float[] matrix(IcdKnowledge k, int[] rows, int[] cols) {
        float[] w = new float[rows.length * cols.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                w[i * cols.length + j] = weight(k, rows[i], cols[j]);
            }
        }
        return w;
    }
}
