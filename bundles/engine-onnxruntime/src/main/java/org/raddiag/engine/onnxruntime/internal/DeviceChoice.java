package org.raddiag.engine.onnxruntime.internal;

import java.util.Set;

import ai.onnxruntime.OrtProvider;

/** Which execution provider to use: CUDA when wanted and present in this ORT build, else CPU with a reason. */
record DeviceChoice(boolean cuda, String device, String note) {

    static DeviceChoice choose(boolean useCuda, Set<OrtProvider> available) {
        if (!useCuda) {
            return new DeviceChoice(false, "cpu", "CUDA disabled by configuration (useCuda=false): using CPU");
        }
        if (available.contains(OrtProvider.CUDA)) {
            return new DeviceChoice(true, "gpu(0)", "using the CUDA execution provider on device 0");
        }
        return new DeviceChoice(false, "cpu",
                "CUDA requested but this ONNX Runtime build has no CUDA execution provider (available: " + available
                        + "): falling back to CPU");
    }
}
