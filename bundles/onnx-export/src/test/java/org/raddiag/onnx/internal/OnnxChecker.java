package org.raddiag.onnx.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Test helper: runs the ONNX checker of Debian's {@code python3-onnx} ({@code onnx.checker.check_model} with
 * {@code full_check}). Without it the calling test is skipped with a message; {@code tools/setup-onnx-checker.sh}
 * installs it once (as root, with apt-get).
 */
final class OnnxChecker {
    private static final String PYTHON = "/usr/bin/python3";
    private static Boolean available;

    private OnnxChecker() {
    }

    static synchronized boolean available() throws Exception {
        if (available == null) {
            String setup = System.getProperty("raddiag.onnx.checker.setup");
            if (setup != null) {
                run(300, "sh", setup);
            }
            available = run(30, PYTHON, "-c", "import onnx").exit == 0;
        }
        return available;
    }

    /** Checks {@code model}; skips the test when the checker is missing, fails with the checker's message. */
    static String check(Path model) throws Exception {
        Assumptions.assumeTrue(available(), "ONNX checker not available: install Debian python3-onnx "
                + "(bundles/onnx-export/tools/setup-onnx-checker.sh); skipping the checker step");
        Result r = run(120, PYTHON, "-c", "import sys, onnx; m = onnx.load(sys.argv[1]); "
                + "onnx.checker.check_model(m, full_check=True); print('onnx', onnx.__version__, 'ok')",
                model.toString());
        if (r.exit != 0) {
            throw new AssertionError("ONNX checker rejected " + model + ":\n" + r.output);
        }
        return r.output.trim();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(int seconds, String... cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(124, "timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
