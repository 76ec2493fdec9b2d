package org.raddiag.onnx.internal;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Session options that follow the engine bundle's choice (its {@code BackendInfo}): device {@code gpu(N)} adds the
 * CUDA execution provider on device N, anything else runs on the CPU; intra-op threads as the engine's.
 */
record SessionSettings(Integer cudaDevice, int threads) {

    static SessionSettings from(String device, int threads) {
        Integer gpu = null;
        if (device != null && device.matches("gpu\\(\\d+\\)")) {
            gpu = Integer.valueOf(device.substring(4, device.length() - 1));
        }
        return new SessionSettings(gpu, Math.max(1, threads));
    }

    OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        try {
            o.setIntraOpNumThreads(threads);
            o.setInterOpNumThreads(1);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (cudaDevice != null) {
                o.addCUDA(cudaDevice);
            }
            return o;
        } catch (OrtException | RuntimeException e) {
            o.close();
            throw e;
        }
    }

    String describe() {
        return (cudaDevice != null ? "CUDA execution provider on device " + cudaDevice
                : "CPU (the engine reports no CUDA device)") + ", " + threads + " intra-op thread(s)";
    }
}
