package org.raddiag.engine.pytorch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibTorchOverrideTest {
    @TempDir
    Path tmp;

    private final Map<String, String> settings = new HashMap<>();

    private Optional<String> problem() {
        return LibTorchOverride.problem(settings::get, "2.7.1");
    }

    private Path pipTorch(String version) throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("torch/lib"));
        Files.writeString(lib.resolve("libtorch.so"), "not really");
        Files.writeString(tmp.resolve("torch/version.py"), "__version__ = '" + version + "'\ndebug = False\n");
        return lib;
    }

    @Test
    void theExpectedVersionIsTheOneTheBuildEmbeds() {
        assertEquals(System.getProperty("raddiag.pytorch.version"), PyTorchEngine.PYTORCH_VERSION);
    }

    @Test
    void noOverrideIsFine() {
        assertEquals(Optional.empty(), problem());
    }

    @Test
    void aMatchingCudaTorchIsAccepted() throws Exception {
        settings.put("PYTORCH_LIBRARY_PATH", pipTorch("2.7.1+cu128").toString());
        settings.put("PYTORCH_FLAVOR", "cu128");
        assertEquals(Optional.empty(), problem());
    }

    @Test
    void anotherTorchVersionIsRefusedBeforeDjlLoadsIt() throws Exception {
        settings.put("PYTORCH_LIBRARY_PATH", pipTorch("2.5.1+cu124").toString());
        String why = problem().orElseThrow();
        assertTrue(why.contains("holds PyTorch 2.5.1+cu124") && why.contains("needs PyTorch 2.7.1"), why);
    }

    @Test
    void aDeclaredOtherVersionIsRefused() throws Exception {
        settings.put("PYTORCH_LIBRARY_PATH", pipTorch("2.7.1").toString());
        settings.put("PYTORCH_VERSION", "2.7.10");
        assertTrue(problem().orElseThrow().contains("PYTORCH_VERSION is 2.7.10"));
    }

    @Test
    void aFolderWithoutLibtorchOrNoFolderIsRefused() throws Exception {
        settings.put("PYTORCH_LIBRARY_PATH", tmp.toString());
        assertTrue(problem().orElseThrow().contains("has no libtorch library"));
        settings.put("PYTORCH_LIBRARY_PATH", tmp.resolve("missing").toString());
        assertTrue(problem().orElseThrow().contains("is not a folder"));
    }
}
