package org.raddiag.engine.onnxruntime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import ai.onnxruntime.OrtProvider;

class DeviceChoiceTest {

    @Test
    void cudaWhenWantedAndPresent() {
        DeviceChoice c = DeviceChoice.choose(true, EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA));
        assertTrue(c.cuda());
        assertEquals("gpu(0)", c.device());
    }

    @Test
    void cpuFallbackWhenCudaMissing() {
        DeviceChoice c = DeviceChoice.choose(true, EnumSet.of(OrtProvider.CPU));
        assertFalse(c.cuda());
        assertEquals("cpu", c.device());
        assertTrue(c.note().contains("falling back to CPU"), c.note());
    }

    @Test
    void cpuWhenCudaDisabled() {
        DeviceChoice c = DeviceChoice.choose(false, EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA));
        assertFalse(c.cuda());
        assertEquals("cpu", c.device());
    }

    @Test
    void cudaThatCannotStartFallsBackWithTheCauseInOneLine() {
        DeviceChoice c = DeviceChoice.cudaFailed(new UnsatisfiedLinkError(
                "libcublasLt.so.12: cannot open shared object file: No such file or directory\n  at line two"));
        assertFalse(c.cuda());
        assertEquals("cpu", c.device());
        assertTrue(c.fellBack());
        assertTrue(c.note().contains("UnsatisfiedLinkError: libcublasLt.so.12: cannot open shared object file"), c.note());
        assertTrue(c.note().endsWith("falling back to CPU"), c.note());
        assertFalse(c.note().contains("line two"), c.note());
    }

    @Test
    void aMissingProviderIsTheNormalCpuBuildNotAWarning() {
        assertFalse(DeviceChoice.choose(true, EnumSet.of(OrtProvider.CPU)).fellBack());
        assertFalse(DeviceChoice.choose(false, EnumSet.of(OrtProvider.CPU)).fellBack());
    }
}
