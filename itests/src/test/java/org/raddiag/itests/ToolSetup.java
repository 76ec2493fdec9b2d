package org.raddiag.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.Assume;

/**
 * The {@code tools/setup-*.sh} scripts that install what a test needs (Orthanc and dcmtk from Debian, a headless
 * browser from npm); a test whose tools cannot be installed is skipped, with the script's output as the reason.
 */
final class ToolSetup {
    private ToolSetup() {
    }

    /** Runs {@code tools/script} (up to 10 minutes); skips the calling test, named {@code what}, when it fails. */
    static void runOrSkip(String script, String what) throws IOException, InterruptedException {
        Path root = Paths.get(System.getProperty("maven.multiModuleProjectDirectory", ".."));
        Path setup = root.resolve("tools").resolve(script).toAbsolutePath();
        if (!Files.exists(setup)) {
            setup = Paths.get("../tools", script).toAbsolutePath();
        }
        Process p = new ProcessBuilder("sh", setup.toString()).redirectErrorStream(true).start();
        String out = Distribution.read(p.getInputStream());
        Assume.assumeTrue(what + " skipped: tools/" + script + " failed: " + out,
                p.waitFor(600, TimeUnit.SECONDS) && p.exitValue() == 0);
    }

    /** Where {@code tools/setup-browser.sh} installed the browser's node modules. */
    static String browserModules() {
        return System.getenv().getOrDefault("RADDIAG_BROWSER_DIR",
                System.getProperty("user.home") + "/.cache/raddiag-browser") + "/node_modules";
    }
}
