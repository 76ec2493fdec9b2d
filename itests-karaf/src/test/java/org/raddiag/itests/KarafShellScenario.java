package org.raddiag.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;

/** What both Karaf itests do through the Karaf shell, inside the container: a demo model made and used. */
final class KarafShellScenario {
    /** Runs a line in a Karaf shell session and returns what it printed. */
    @FunctionalInterface
    interface Shell {
        String run(String line) throws Exception;
    }

    private KarafShellScenario() {
    }

    /**
     * Waits for the engines ({@code raddiag:status} must print {@code healthy}), creates the demo model {@code name}
     * and diagnoses the {@link #demoScan} with it on PyTorch; what {@code raddiag:diagnose} printed.
     */
    static String createAndDiagnose(Shell shell, String healthy, String name) throws Exception {
        String status = shell.run("raddiag:status --wait 300");
        assertTrue(status, status.contains(healthy));
        String created = shell.run("raddiag:init-model --arch demo-small --name " + name + " --seed 7");
        assertTrue(created, created.contains("created " + name));
        String out = shell.run("raddiag:diagnose --model " + name + " --top 3 " + demoScan());
        assertTrue(out, out.contains("model " + name + ":1.0.0 on pytorch") && out.contains("p="));
        return out;
    }

    /** A scan of the demo data in the shared test data folder. */
    static Path demoScan() {
        return Paths.get(System.getProperty("raddiag.testdata"), "rp3d-demo/DemoData/data/149462.npy");
    }
}
