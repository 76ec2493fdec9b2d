package org.raddiag.trainer.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.Recompute;

/**
 * One optimisation step on a batch: forward in training mode, {@link TrainingLoss}, backward (with the checkpointed
 * segments recomputed, when asked), clipping at the global gradient norm (its factor folded into the {@link AdamW}
 * update), gradients zeroed. Every temporary array lives in an {@link NDScope} closed at the end of the step. Also
 * the validation loss (eval mode, no gradient).
 */
public final class StepRunner {
    private final RadNet net;
    private final NDManager manager;
    private final ParameterStore ps;
    private final AdamW optimizer;
    private final float klWeight;
    private final double clipNorm;
    private final int recomputeUnits;

    /**
     * Losses and the gradient norm (before clipping) of one step; {@code skipped} when the gradients were not finite
     * and the weights and optimiser state were left as they were.
     */
    public record Outcome(double loss, double bce, double kl, double gradNorm, boolean skipped, Phases phases) {
    }

    /**
     * Seconds spent in each part of a step, so that a benchmark can say where the time goes: the forward pass with the
     * loss, the backward pass, and the update (clipping, AdamW, zeroing the gradients).
     */
    public record Phases(double forward, double backward, double update) {
    }

    /** @param recomputeUnits leading backbone units to checkpoint ({@link Recompute}) to save memory; 0 = none */
    public StepRunner(RadNet net, NDManager manager, AdamW optimizer, double klWeight, double clipNorm,
            int recomputeUnits) {
        this.recomputeUnits = recomputeUnits;
        this.net = net;
        this.manager = manager;
        this.ps = new ParameterStore(manager, false);
        this.optimizer = optimizer;
        this.klWeight = (float) klWeight;
        this.clipNorm = clipNorm;
    }

    public Outcome train(Batch batch, double lr) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            long t0 = System.nanoTime();
            NDList nd = batch.toNd(manager);
            NDList loss;
            long t1;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector();
                    Recompute checkpoints = recomputeUnits > 0 ? Recompute.session(recomputeUnits) : null) {
                loss = loss(nd, true);
                t1 = System.nanoTime();
                gc.backward(loss.get(0));
                if (checkpoints != null) {
                    checkpoints.backward();
                }
            }
            long t2 = System.nanoTime();
            double total = loss.get(0).getFloat();
            if (!Double.isFinite(total)) {
                throw new IllegalStateException("training loss is not finite (" + total + "); check the data"
                        + " (e.g. key slices beyond the valid slices) and the learning rate");
            }
            double bce = loss.get(1).getFloat();
            double kl = loss.get(2).getFloat();
            Map<String, NDArray> grads = gradients();
            double norm = GradientClipping.globalNorm(new ArrayList<>(grads.values()));
            boolean finite = Double.isFinite(norm);
            if (finite) {
                optimizer.update(lr, grads, GradientClipping.scale(norm, clipNorm));
            }
            GradientClipping.zero(new ArrayList<>(grads.values()), finite);
            long t3 = System.nanoTime();
            return new Outcome(total, bce, kl, norm, !finite, new Phases((t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    (t3 - t2) / 1e9));
        }
    }

    /** Loss of a batch in eval mode without gradient: total, BCE, KL. */
    public double[] evaluate(Batch batch) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDList loss = loss(batch.toNd(manager), false);
            return new double[] {loss.get(0).getFloat(), loss.get(1).getFloat(), loss.get(2).getFloat()};
        }
    }

    private NDList loss(NDList nd, boolean training) {
        NDList out = net.forward(ps, new NDList(nd.get(0), nd.get(1), nd.get(2)), training);
        return TrainingLoss.compute(out.get(0), nd.get(4), out.get(1), nd.get(1), nd.get(2), nd.get(3), klWeight);
    }

    private Map<String, NDArray> gradients() {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : optimizer.parameters().entrySet()) {
            NDArray a = e.getValue().getArray();
            if (a.hasGradient()) {
                try {
                    grads.put(e.getKey(), a.getGradient());
                } catch (IllegalStateException ex) {
                    // no gradient reached this parameter in this step
                }
            }
        }
        return grads;
    }

    /** The gradients currently held (for tests). */
    List<NDArray> currentGradients() {
        return new ArrayList<>(gradients().values());
    }
}
