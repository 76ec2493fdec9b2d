package org.raddiag.trainer.internal;

import ai.djl.training.tracker.Tracker;

/**
 * Learning rate of optimiser step {@code s} (0-based) as in transformers' {@code get_cosine_schedule_with_warmup}
 * (half a cosine): {@code base x s / max(1, warmup)} during warm-up, then {@code base x max(0, 0.5 (1 + cos(pi x
 * progress)))} with {@code progress = (s - warmup) / max(1, total - warmup)}. As in the reference, the first step
 * of a warm-up runs at learning rate 0.
 */
public final class CosineWarmupSchedule implements Tracker {
    private final double base;
    private final long warmup;
    private final long total;

    public CosineWarmupSchedule(double base, long warmup, long total) {
        if (warmup < 0 || total < 0) {
            throw new IllegalArgumentException("negative warm-up or total steps");
        }
        this.base = base;
        this.warmup = warmup;
        this.total = total;
    }

    /** Learning rate at step {@code step}, in double precision. */
    public double lr(long step) {
        if (step < warmup) {
            return base * step / Math.max(1L, warmup);
        }
        double progress = (double) (step - warmup) / Math.max(1L, total - warmup);
        return base * Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * progress)));
    }

    @Override
    public float getNewValue(int numUpdate) {
        return (float) lr(numUpdate);
    }

    public long warmup() {
        return warmup;
    }

    public long total() {
        return total;
    }
}
