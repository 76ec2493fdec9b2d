package org.raddiag.head.knowledge.internal;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.raddiag.model.blocks.ReferenceBlock;

/**
 * Knowledge-enhanced classifier: frozen label embeddings {@code E (C, dim)} projected by a trainable
 * {@code Linear(dim, hidden)} ({@code fcke}, the reference's name) give the class matrix {@code P = E W^T + b}
 * {@code (C, hidden)}; {@code logits = x P^T}, a plain dot product (no normalisation of {@code x}, no temperature).
 *
 * <p>Training mode uses {@code x P^T = (x W) E^T + (x b) 1^T}: the same function and the same gradients for
 * {@code fcke} (only the rounding order differs), at {@code B (hidden + C) dim} instead of {@code C dim hidden}
 * multiply-adds, and nothing is cached, so every step sees the current weights. Inference mode computes
 * {@code P^T} once per weight version and reuses it: the cache keeps a copy of the weight and bias it was computed
 * from and is rebuilt when the current values differ (a checkpoint loaded, a training step taken), checked exactly
 * on every forward by one comparison of {@code hidden x dim} values. Inference forwards are serialised on this block
 * (the product is small next to the backbone). The embeddings are not parameters and not in the state dict; they
 * come from the file named in the architecture.
 *
 * <p>Input {@code (B, hidden)}; output logits {@code (B, C)}.
 */
public final class KnowledgeHeadBlock extends ReferenceBlock {
    private final LabelEmbeddings embeddings;
    private final int hidden;
    private final Linear fcke;
    private NDManager owner;
    private NDList table;
    private Cache cache;
    private int refreshes;

    public KnowledgeHeadBlock(LabelEmbeddings embeddings, int hidden) {
        this.embeddings = embeddings;
        this.hidden = hidden;
        fcke = addReferenceChild("fcke", Linear.builder().setUnits(hidden).build());
    }

    /** Number of classes C. */
    public int classes() {
        return embeddings.classes();
    }

    /** How often the inference class matrix was computed (for tests and diagnostics). */
    public synchronized int cacheRefreshes() {
        return refreshes;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.head();
        Device device = x.getDevice();
        if (training) {
            NDArray w = ps.getValue(parameter("weight"), device, true);
            NDArray b = ps.getValue(parameter("bias"), device, true);
            NDArray textT = table(device).get(1);
            return new NDList(x.matMul(w).matMul(textT).add(x.matMul(b.reshape(hidden, 1))));
        }
        synchronized (this) {
            return new NDList(x.matMul(classMatrixT(ps, device)));
        }
    }

    /** {@code P^T (hidden, C)} for the current weights; caller holds the lock. */
    private NDArray classMatrixT(ParameterStore ps, Device device) {
        NDArray w = ps.getValue(parameter("weight"), device, false);
        NDArray b = ps.getValue(parameter("bias"), device, false);
        if (cache != null && cache.device.equals(device) && cache.weight.contentEquals(w)
                && cache.bias.contentEquals(b)) {
            return cache.matrixT;
        }
        if (cache != null) {
            cache.close();
        }
        NDArray p = fcke.forward(ps, new NDList(table(device).get(0)), false).head();
        NDArray detached = p.stopGradient();
        NDArray view = detached.transpose();
        NDArray matrixT = view.duplicate();
        view.close();
        detached.close();
        p.close();
        cache = new Cache(device, keep(matrixT), keep(w.duplicate()), keep(b.duplicate()));
        refreshes++;
        return cache.matrixT;
    }

    private Parameter parameter(String name) {
        return fcke.getParameters().get(name);
    }

    /**
     * Keeps {@code a} for the block's life: attached to its own manager and taken out of any {@link NDScope} it was
     * made in (training steps run in a scope that would otherwise close the table after the first step).
     */
    private NDArray keep(NDArray a) {
        NDScope.unregister(a);
        a.attach(owner);
        return a;
    }

    /** {@code E (C, dim)} and a contiguous {@code E^T (dim, C)} on {@code device}, kept for the block's life. */
    private synchronized NDList table(Device device) {
        if (owner == null) {
            throw new IllegalStateException("initialise the knowledge head before using it");
        }
        if (table == null || !table.get(0).getDevice().equals(device)) {
            NDArray e = keep(owner.create(embeddings.values(), new Shape(embeddings.classes(), embeddings.dim()))
                    .toDevice(device, false));
            NDArray view = e.transpose();
            table = new NDList(e, keep(view.duplicate()));
            view.close();
        }
        return table;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (owner == null) {
            owner = manager.newSubManager();
        }
        fcke.initialize(manager, dataType, new Shape(1, embeddings.dim()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), embeddings.classes())};
    }

    @Override
    public String toString() {
        return "KnowledgeHead(" + embeddings.classes() + " classes, " + embeddings.dim() + " -> " + hidden + ")";
    }

    /** The inference class matrix and the weights it was computed from. */
    private record Cache(Device device, NDArray matrixT, NDArray weight, NDArray bias) {
        void close() {
            matrixT.close();
            weight.close();
            bias.close();
        }
    }
}
