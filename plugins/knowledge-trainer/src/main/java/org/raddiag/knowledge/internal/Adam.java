package org.raddiag.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam over plain float arrays (the adapter is small, so the update runs in Java and its whole state is three maps
 * of arrays and a step count, which makes checkpoints and exact resumption simple):
 * {@code m = b1 m + (1 - b1) g}; {@code v = b2 v + (1 - b2) g^2};
 * {@code p -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)}, plus decoupled weight decay
 * {@code p -= lr wd p} on matrices only.
 */
final class Adam {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;
    private final Map<String, float[]> m = new LinkedHashMap<>();
    private final Map<String, float[]> v = new LinkedHashMap<>();
    private final double weightDecay;
    private long step;

    Adam(double weightDecay) {
        this.weightDecay = weightDecay;
    }

    long step() {
        return step;
    }

    Map<String, float[]> firstMoments() {
        return m;
    }

    Map<String, float[]> secondMoments() {
        return v;
    }

    /** Restores the state of a checkpoint. */
    void restore(long steps, Map<String, float[]> first, Map<String, float[]> second) {
        step = steps;
        m.clear();
        v.clear();
        first.forEach((k, a) -> m.put(k, a.clone()));
        second.forEach((k, a) -> v.put(k, a.clone()));
    }

    /** One step over all {@code params} (updated in place) with their {@code grads}. */
    void update(double lr, Map<String, float[]> params, Map<String, float[]> grads, Map<String, Boolean> decay) {
        step++;
        double bc1 = 1 - Math.pow(BETA1, step);
        double bc2 = 1 - Math.pow(BETA2, step);
        for (Map.Entry<String, float[]> e : params.entrySet()) {
            float[] p = e.getValue();
            float[] g = grads.get(e.getKey());
            float[] mi = m.computeIfAbsent(e.getKey(), k -> new float[p.length]);
            float[] vi = v.computeIfAbsent(e.getKey(), k -> new float[p.length]);
            double wd = Boolean.TRUE.equals(decay.get(e.getKey())) ? weightDecay : 0;
            for (int i = 0; i < p.length; i++) {
                mi[i] = (float) (BETA1 * mi[i] + (1 - BETA1) * g[i]);
                vi[i] = (float) (BETA2 * vi[i] + (1 - BETA2) * g[i] * g[i]);
                double update = (mi[i] / bc1) / (Math.sqrt(vi[i] / bc2) + EPS) + wd * p[i];
                p[i] = (float) (p[i] - lr * update);
            }
        }
    }
}
