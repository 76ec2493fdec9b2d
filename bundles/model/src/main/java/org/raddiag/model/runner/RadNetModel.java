package org.raddiag.model.runner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.raddiag.api.model.LoadedModel;
import org.raddiag.api.model.ModelClosedException;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.model.ModelOutput;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.model.blocks.RadNet;

/**
 * A RadNet with loaded weights on the PyTorch engine. Calls run concurrently; {@link #close()} waits for the calls
 * in flight, then frees the native memory, so a model being replaced finishes what it started.
 */
final class RadNetModel implements LoadedModel {
    private final ModelPackage pkg;
    private final RadNet net;
    private final NDManager manager;
    private final Set<String> components;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    RadNetModel(ModelPackage pkg, RadNet net, NDManager manager, Set<String> components) {
        this.pkg = pkg;
        this.net = net;
        this.manager = manager;
        this.components = Set.copyOf(components);
    }

    @Override
    public ModelPackage model() {
        return pkg;
    }

    @Override
    public String backend() {
        return PyTorchModelRunner.BACKEND;
    }

    @Override
    public Set<String> components() {
        return components;
    }

    @Override
    public ModelOutput predict(ModelInput in) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new ModelClosedException("model " + pkg.ref() + " was closed");
            }
            InputChecks.check(in, net.config());
            try (NDManager m = manager.newSubManager()) {
                int b = in.cases();
                int s = in.slots();
                int d = in.depth();
                NDArray images = m.create(in.images().data(), new Shape(in.images().shape()));
                NDArray mods = m.create(in.modalityCodes(), new Shape(b, s));
                NDArray marks = m.create(in.sliceMask(), new Shape(b, s, d));
                NDList out = net.forward(new ParameterStore(m, false), new NDList(images, mods, marks), false);
                float[] logits = out.get(0).toFloatArray();
                // slice attention (B, S, D): CLS probability row averaged over heads, CLS column dropped
                return new ModelOutput(logits, out.get(3).toFloatArray(), b, net.config().classes(), s, d);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                manager.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
