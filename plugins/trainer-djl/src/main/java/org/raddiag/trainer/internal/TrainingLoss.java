package org.raddiag.trainer.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.raddiag.model.blocks.Scalars;
import org.raddiag.model.loss.ClampedBceLoss;
import org.raddiag.model.loss.KeySliceKlLoss;
import org.raddiag.model.loss.KeySliceSelection;

/**
 * The reference training objective (A.3): {@code BCE(clamp(logits, -60, 60), labels) + w x KL}, where KL is the
 * symmetric key-slice loss over the non-empty slots (Gaussian target, sigma = D/16, masked by the valid slices) and
 * {@code w} 0.001. A batch without any non-empty slot contributes KL = 0.
 */
public final class TrainingLoss {
    private TrainingLoss() {
    }

    /**
     * @param logits {@code (B, C)}
     * @param labels {@code (B, C)} multi-hot
     * @param scoreFull Attention1D CLS score rows {@code (B*S, D+1)}
     * @param mods {@code (B, S)} modality codes
     * @param marks {@code (B, S, D)} valid-slice marks
     * @param keys {@code (B, S)} key slices
     * @return total, BCE, KL (scalars)
     */
    public static NDList compute(NDArray logits, NDArray labels, NDArray scoreFull, NDArray mods, NDArray marks,
            NDArray keys, float klWeight) {
        NDArray bce = ClampedBceLoss.loss(logits, labels);
        NDList sel = KeySliceSelection.select(scoreFull, mods, marks, keys);
        NDArray kl = sel.get(0).getShape().get(0) == 0 ? bce.zerosLike()
                : KeySliceKlLoss.loss(sel.get(0), sel.get(1), sel.get(2));
        return new NDList(bce.add(Scalars.times(kl, klWeight)), bce, kl);
    }
}
