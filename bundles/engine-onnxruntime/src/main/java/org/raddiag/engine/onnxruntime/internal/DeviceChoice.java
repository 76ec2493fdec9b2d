package org.raddiag.engine.onnxruntime.internal;

import java.util.Set;

import ai.onnxruntime.OrtProvider;

/**
 * Which execution provider to use: CUDA when wanted and present in this ORT build, else CPU with a reason.
 * {@code fellBack} marks the unexpected case (CUDA is in the build but did not start), which is logged as a warning.
 */
record DeviceChoice(boolean cuda, String device, String note, boolean fellBack) {
    private static final int MAX_REASON = 300;

    static DeviceChoice choose(boolean useCuda, Set<OrtProvider> available) {
        if (!useCuda) {
            return new DeviceChoice(false, "cpu", "CUDA disabled by configuration (useCuda=false): using CPU", false);
        }
        if (available.contains(OrtProvider.CUDA)) {
            return new DeviceChoice(true, "gpu(0)", "using the CUDA execution provider on device 0", false);
        }
        return new DeviceChoice(false, "cpu",
                "CUDA requested but this ONNX Runtime build has no CUDA execution provider (available: " + available
                        + "): falling back to CPU", false);
    }

    /** CUDA was listed but adding it or running the self-test on it failed: CPU, with the first line of the cause. */
    static DeviceChoice cudaFailed(Throwable cause) {
        String reason = String.valueOf(cause.getMessage()).strip().lines().findFirst().orElse("");
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON) + "...";
        }
        return new DeviceChoice(false, "cpu", "the CUDA execution provider is in this ONNX Runtime build but could not"
                + " start (" + cause.getClass().getSimpleName() + ": " + reason + "): falling back to CPU", true);
    }
}
