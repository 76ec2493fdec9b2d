package org.raddiag.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a knowledge pre-training run; a resumed run must have the same ones (they are kept in the run's
 * {@code run.json}).
 *
 * @param encoder     the frozen base encoder ({@code raddiag.encoder})
 * @param epochs      passes over the training disorders
 * @param seed        seeds the split, the initialisation and the batch order
 * @param holdout     fraction of disorders held out for the retrieval evaluation
 * @param disorders   use only this many disorders (whole codes, seeded), 0 for all
 * @param batch       anchors per step
 * @param lr          Adam's learning rate
 * @param weightDecay decoupled weight decay of the matrices
 * @param hidden      the adapter's hidden width
 * @param temperature of the contrastive logits (fixed)
 * @param noise       standard deviation of the Gaussian noise added to each embedding value in training
 */
public record KnowledgeSpec(String encoder, int epochs, long seed, double holdout, int disorders, int batch,
        double lr, double weightDecay, int hidden, float temperature, float noise) {
    /** Defaults measured on the full map (README): more epochs fit the training names and retrieve held-out ones worse. */
    public static final int EPOCHS = 10;
    public static final double HOLDOUT = 0.1;
    public static final int BATCH = 256;
    public static final double LR = 1e-3;
    public static final double WEIGHT_DECAY = 1e-4;
    public static final int HIDDEN = 512;
    public static final float TEMPERATURE = 0.05f;
    /** About half a typical value of a 384-dimensional unit vector. */
    public static final float NOISE = 0.03f;

    public KnowledgeSpec {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, not " + epochs);
        }
        if (disorders < 0 || disorders == 1) {
            throw new IllegalArgumentException("--disorders must be 0 (all) or at least 2, not " + disorders);
        }
        if (batch < 2) {
            throw new IllegalArgumentException("the batch must hold at least 2 disorders, not " + batch);
        }
        if (!(holdout >= 0 && holdout <= 0.5)) {
            throw new IllegalArgumentException("--holdout must be between 0 and 0.5, not " + holdout);
        }
    }

    /** The defaults with the given encoder, epochs, seed, holdout and subset size. */
    public static KnowledgeSpec of(String encoder, int epochs, long seed, double holdout, int disorders) {
        return new KnowledgeSpec(encoder, epochs, seed, holdout, disorders, BATCH, LR, WEIGHT_DECAY, HIDDEN,
                TEMPERATURE, NOISE);
    }

    /** As stored in run.json and report.json. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("encoder", encoder);
        m.put("epochs", epochs);
        m.put("seed", seed);
        m.put("holdout", holdout);
        m.put("disorders", disorders);
        m.put("batch", batch);
        m.put("lr", lr);
        m.put("weightDecay", weightDecay);
        m.put("hidden", hidden);
        m.put("temperature", (double) temperature);
        m.put("noise", (double) noise);
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("code", (double) SoftPositives.CODE);
        w.put("block", (double) SoftPositives.BLOCK);
        w.put("chapter", (double) SoftPositives.CHAPTER);
        m.put("positiveWeights", w);
        return m;
    }
}
