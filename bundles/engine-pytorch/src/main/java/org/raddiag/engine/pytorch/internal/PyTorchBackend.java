package org.raddiag.engine.pytorch.internal;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.engine.Engine;
import org.raddiag.api.compute.BackendInfo;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.data.FloatTensor;
import org.raddiag.support.engine.MlpShapes;

/** {@link ComputeBackend} over an initialised DJL PyTorch engine. */
final class PyTorchBackend implements ComputeBackend {
    static final String NAME = "pytorch";

    private final Engine engine;
    private final Device device;
    private final BackendInfo info;

    PyTorchBackend(Engine engine, Device device, int threads, long initMillis) {
        this.engine = engine;
        this.device = device;
        this.info = new BackendInfo("PyTorch (DJL " + Engine.getDjlVersion() + ")", engine.getVersion(),
                device.toString(), threads, initMillis);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BackendInfo info() {
        return info;
    }

    @Override
    public FloatTensor mlp(FloatTensor x, FloatTensor w1, FloatTensor b1, FloatTensor w2, FloatTensor b2) {
        MlpShapes.of(x, w1, b1, w2, b2);
        try (NDManager m = engine.newBaseManager(device)) {
            NDArray h = Linear.linear(nd(m, x), nd(m, w1), nd(m, b1)).singletonOrThrow();
            NDArray y = Linear.linear(Activation.gelu(h), nd(m, w2), nd(m, b2)).singletonOrThrow();
            long[] shape = y.getShape().getShape();
            return new FloatTensor(y.toFloatArray(), shape);
        }
    }

    private static NDArray nd(NDManager m, FloatTensor t) {
        return m.create(t.data(), new Shape(t.shape()));
    }
}
