package org.raddiag.knowledge.internal;

import ai.djl.ndarray.NDArray;
import org.raddiag.model.blocks.Scalars;

/**
 * The CLIP-style symmetric contrastive loss with soft positives. With anchors {@code A} and partners {@code P}
 * (unit rows) the logits are {@code A P^T / temperature}; anchor i's target distribution over the partners is row
 * i of the soft-positive weights, normalised to sum 1, and partner j's over the anchors is column j, likewise. The
 * loss is the mean of the two directions' cross-entropies (InfoNCE with soft targets); with one positive per row
 * (the identity as weights) it is exactly CLIP's loss.
 */
public final class ContrastiveLoss {
    private ContrastiveLoss() {
    }

    /**
     * @param anchors  {@code (B, d)} unit rows
     * @param partners {@code (B, d)} unit rows
     * @param weights  {@code (B, B)} soft-positive weights, every row and column with a positive entry
     * @return the scalar loss
     */
    public static NDArray compute(NDArray anchors, NDArray partners, NDArray weights, float temperature) {
        NDArray logits = Scalars.over(anchors.matMul(partners.transpose()), temperature);
        NDArray rowTargets = weights.div(weights.sum(new int[] {1}, true));
        NDArray colTargets = weights.div(weights.sum(new int[] {0}, true));
        NDArray anchorToPartner = rowTargets.mul(logits.logSoftmax(1)).sum(new int[] {1}).mean().neg();
        NDArray partnerToAnchor = colTargets.mul(logits.logSoftmax(0)).sum(new int[] {0}).mean().neg();
        return Scalars.over(anchorToPartner.add(partnerToAnchor), 2f);
    }
}
