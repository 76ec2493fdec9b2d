package org.raddiag.api.compute;

import org.raddiag.api.data.FloatTensor;

/**
 * A compute backend over a native engine (PyTorch through DJL, ONNX Runtime). Registered with
 * {@code raddiag.kind=backend} and {@code raddiag.backend=<name>} only after the engine has really initialised.
 * Engine bundles are long-lived: they load their natives once per JVM and are never hot-swapped.
 */
public interface ComputeBackend {
    /** Backend name, e.g. {@code pytorch} or {@code onnxruntime}. */
    String name();

    /** Engine, version, device and threads. */
    BackendInfo info();

    /**
     * The reference classifier head on this engine: {@code Linear(w2) . GELU(exact erf) . Linear(w1)} applied to
     * {@code x} (N, in). Weights use the PyTorch layout (out, in). Also serves as the engine self-test.
     */
    FloatTensor mlp(FloatTensor x, FloatTensor w1, FloatTensor b1, FloatTensor w2, FloatTensor b2);
}
