package org.raddiag.engine.onnxruntime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.onnxruntime.OrtProvider;

class DeviceChoiceTest {

    /** CUDA only when wanted and in the build; each choice says why in its note. */
    @ParameterizedTest(name = "useCuda={0}, providers {1}: {2}")
    @CsvSource({
        "true,  CPU CUDA, gpu(0), using the CUDA execution provider",
        "true,  CPU,      cpu,    falling back to CPU",
        "false, CPU CUDA, cpu,    CUDA disabled by configuration",
    })
    void deviceFollowsTheSettingAndTheBuildsProviders(boolean useCuda, String providers, String device, String note) {
        EnumSet<OrtProvider> available = EnumSet.noneOf(OrtProvider.class);
        for (String p : providers.split(" ")) {
            available.add(OrtProvider.valueOf(p));
        }
        DeviceChoice c = DeviceChoice.choose(useCuda, available);
        assertEquals(device, c.device());
        assertEquals(!device.equals("cpu"), c.cuda());
        assertTrue(c.note().contains(note), c.note());
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
