package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.UnaryOperator;

/**
 * Activation checkpointing for a training step (what {@code torch.utils.checkpoint} does): a segment of the network
 * runs forward without recording its graph, so its intermediate activations are freed as it goes and only its output
 * is kept; once the step's backward has given the gradient at that output, the segment runs again with its graph and
 * is back-propagated from that gradient. One more forward of the segment buys the memory of its activations (at the
 * full size, 1 scan, checkpointing the trunk's stem and first five units lowers a step's peak RSS from 6.0 to
 * 4.3 GB).
 *
 * <p>Exact: the same ops on the same input give the same values and parameter gradients. The segment's input must
 * need no gradient (the network's input) or be the output of the session's previous checkpoint, so that segments
 * chain (each recomputed alone, last first, which bounds the memory by the largest segment's activations, as
 * {@code checkpoint_sequential} does); the segment must be deterministic: it may not draw random numbers.
 * BatchNorm updates its running statistics on the first pass only (see {@link #recomputing()}).
 *
 * <p>Segments are checkpointed only while a {@link #session(int)} is open on the thread (the trainer opens one per
 * step when the setting asks for it); otherwise {@link #checkpoint} just applies the segment. The session says how
 * deep: a backbone checkpoints its first {@link #units()} units (residual units, blocks: each one more saves memory
 * and costs one more unit's forward).
 */
public final class Recompute implements AutoCloseable {
    private static final ThreadLocal<Recompute> ACTIVE = new ThreadLocal<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final int units;
    private boolean recomputing;

    private record Pending(NDArray input, UnaryOperator<NDArray> segment, NDArray output) {
    }

    private Recompute(int units) {
        this.units = units;
    }

    /**
     * Starts checkpointing the segments of this thread's forward passes until {@link #close()}.
     *
     * @param units how many leading units of the backbone to checkpoint, at least 1
     */
    public static Recompute session(int units) {
        if (units < 1) {
            throw new IllegalArgumentException("a recompute session checkpoints at least one unit, not " + units);
        }
        if (ACTIVE.get() != null) {
            throw new IllegalStateException("a recompute session is already open on this thread");
        }
        Recompute r = new Recompute(units);
        ACTIVE.set(r);
        return r;
    }

    /** Whether the segment running now is the second, graph-recording pass (BatchNorm then leaves its statistics). */
    public static boolean recomputing() {
        Recompute r = ACTIVE.get();
        return r != null && r.recomputing;
    }

    /** How many leading units a backbone checkpoints now: 0 when {@link #checkpoints()} is false. */
    public static int units() {
        return checkpoints() ? ACTIVE.get().units : 0;
    }

    /**
     * Whether {@link #checkpoint} checkpoints now (a session is open, grad mode is on, and this is not the second
     * pass); its output is then a leaf the caller must not close before the step's backward.
     */
    public static boolean checkpoints() {
        Recompute r = ACTIVE.get();
        return r != null && !r.recomputing && JniUtils.isGradMode();
    }

    /**
     * {@code segment.apply(x)}; inside a session (and not already recomputing) it runs without its graph and is
     * queued for {@link #backward}, and the output it returns is a leaf that collects the gradient of the rest.
     */
    public static NDArray checkpoint(NDArray x, UnaryOperator<NDArray> segment) {
        if (!checkpoints()) {
            return segment.apply(x);
        }
        Recompute r = ACTIVE.get();
        boolean chained = !r.pending.isEmpty() && r.pending.peek().output() == x;
        if (!chained && x instanceof PtNDArray pt && JniUtils.requiresGrad(pt)) {
            throw new IllegalArgumentException("a checkpointed segment's input must need no gradient or be the"
                    + " previous checkpoint's output");
        }
        NDArray y;
        JniUtils.setGradMode(false);
        try {
            y = segment.apply(x);
        } finally {
            JniUtils.setGradMode(true);
        }
        y.setRequiresGradient(true);
        r.pending.push(new Pending(x, segment, y));
        return y;
    }

    /**
     * After the step's backward of its loss: each queued segment, last first, runs again with its graph and is
     * back-propagated from the gradient its output received, which adds its parameters' gradients.
     */
    public void backward() {
        while (!pending.isEmpty()) {
            Pending p = pending.pop();
            recomputing = true;
            try (NDArray grad = p.output().getGradient(); NDArray y = p.segment().apply(p.input())) {
                // back-propagates from y with its gradient given (no y * grad product to hold)
                JniUtils.backward((PtNDArray) y, (PtNDArray) grad, false, false);
            } finally {
                recomputing = false;
                p.output().close();
            }
        }
    }

    @Override
    public void close() {
        pending.clear();
        ACTIVE.remove();
    }
}
