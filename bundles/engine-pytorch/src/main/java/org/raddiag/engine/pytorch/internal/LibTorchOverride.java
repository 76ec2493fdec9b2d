package org.raddiag.engine.pytorch.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks DJL's {@code PYTORCH_LIBRARY_PATH} override (how a CUDA build of libtorch is used: DJL publishes no CUDA
 * natives of PyTorch 2.7.1 on Maven Central) before DJL loads anything from it: a libtorch of another version next to
 * our JNI library can crash the JVM, so a folder without libtorch, or of a version other than the one our DJL was
 * built for, is refused with the reason instead.
 */
final class LibTorchOverride {
    private static final Pattern VERSION = Pattern.compile("__version__\\s*=\\s*['\"]([^'\"]+)['\"]");

    private LibTorchOverride() {
    }

    /**
     * Why the override cannot be used, or empty when there is none or it looks right.
     *
     * @param setting reads an environment variable or, failing that, the system property of the same name (as DJL)
     * @param expected the PyTorch version our DJL JNI library was built for, e.g. {@code 2.7.1}
     */
    static Optional<String> problem(UnaryOperator<String> setting, String expected) {
        String path = setting.apply("PYTORCH_LIBRARY_PATH");
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(path);
        if (!Files.isDirectory(dir)) {
            return Optional.of("PYTORCH_LIBRARY_PATH " + dir + " is not a folder");
        }
        if (!Files.isRegularFile(dir.resolve("libtorch.so")) && !Files.isRegularFile(dir.resolve("torch.dll"))
                && !Files.isRegularFile(dir.resolve("libtorch.dylib"))) {
            return Optional.of("PYTORCH_LIBRARY_PATH " + dir + " has no libtorch library (libtorch.so)");
        }
        String declared = setting.apply("PYTORCH_VERSION");
        if (declared != null && !declared.isBlank() && !sameRelease(declared, expected)) {
            return Optional.of("PYTORCH_VERSION is " + declared + " but this engine's DJL needs PyTorch " + expected);
        }
        Optional<String> found = installedVersion(dir);
        if (found.isPresent() && !sameRelease(found.get(), expected)) {
            return Optional.of("PYTORCH_LIBRARY_PATH " + dir + " holds PyTorch " + found.get()
                    + " but this engine's DJL needs PyTorch " + expected);
        }
        return Optional.empty();
    }

    /** A pip/conda torch keeps its libraries in torch/lib and its version in torch/version.py. */
    static Optional<String> installedVersion(Path libDir) {
        Path versionPy = libDir.toAbsolutePath().getParent() == null ? null
                : libDir.toAbsolutePath().getParent().resolve("version.py");
        if (versionPy != null && Files.isRegularFile(versionPy)) {
            try {
                Matcher m = VERSION.matcher(Files.readString(versionPy));
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean sameRelease(String version, String expected) {
        return version.equals(expected) || version.startsWith(expected + "+") || version.startsWith(expected + "-");
    }
}
