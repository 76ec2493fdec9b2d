package org.raddiag.model.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * RadNet's selection of the rows that feed {@link KeySliceKlLoss}: drop the CLS column of Attention1D's score row,
 * keep the slots whose modality code is non-zero, take {@code cutoff = marks.sum(-1)} and the slot's key.
 */
public final class KeySliceSelection {
    private KeySliceSelection() {
    }

    /**
     * @param scoreFull Attention1D scores {@code (B*S, D+1)}, rows case-major
     * @param mods modality codes {@code (B, S)} or {@code (B, S, 1)}
     * @param marks valid-slice marks {@code (B, S, D)}
     * @param keys key slices {@code (B, S)} or {@code (B, S, 1)}
     * @return {@code scores (n, D)}, {@code keys (n)}, {@code cutoffs (n)} for the n non-empty slots
     */
    public static NDList select(NDArray scoreFull, NDArray mods, NDArray marks, NDArray keys) {
        long flat = scoreFull.getShape().get(0);
        long depth = scoreFull.getShape().get(1) - 1;
        NDArray keep = mods.reshape(flat).neq(0);
        NDArray rowsKept = keep.reshape(flat, 1).broadcast(flat, depth);
        NDArray scores = scoreFull.get(new NDIndex(":, 1:")).booleanMask(rowsKept).reshape(-1, depth);
        NDArray cutoffs = marks.reshape(flat, depth).sum(new int[] {-1}).booleanMask(keep);
        return new NDList(scores, keys.reshape(flat).booleanMask(keep), cutoffs);
    }
}
