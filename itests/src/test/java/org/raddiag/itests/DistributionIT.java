package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The runnable distribution as users run it: {@code bin/raddiag} one-shot commands with the network removed, and
 * live hot deploy through the {@code deploy/} folder in the interactive shell.
 */
public class DistributionIT {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void statusRunsFullyOfflineWithEveryBundleActive() throws Exception {
        Assume.assumeTrue("unshare -n is not permitted here", Distribution.canUnshareNetwork());
        Distribution d = Distribution.copy(tmp.newFolder("dist").toPath());
        Distribution.Result r = d.run(true, "status", "--json");
        assertEquals(r.toString(), 0, r.status);
        assertTrue(r.toString(), r.out.contains("\"healthy\": true"));
        assertTrue(r.toString(), r.out.contains("\"backend\": \"pytorch\""));
        assertTrue(r.toString(), r.out.contains("\"backend\": \"onnxruntime\""));
        assertTrue("per-process Felix storage is removed at exit",
                Files.list(d.dist.resolve("cache/felix")).findAny().isEmpty());
    }

    @Test
    public void inspectReportsEveryScanAndEveryMissingFileOfTheDemoCases() throws Exception {
        Distribution d = Distribution.copy(tmp.newFolder("dist").toPath());
        Distribution.Result r = d.run(false, "inspect", d.dist.resolve("data/rp3d-demo/demoData.json").toString(), "--json");
        assertEquals("four demo volumes are not published: " + r, 1, r.status);
        com.google.gson.JsonObject doc = com.google.gson.JsonParser.parseString(r.out).getAsJsonObject();
        assertEquals(false, doc.get("ok").getAsBoolean());
        com.google.gson.JsonArray cases = doc.getAsJsonArray("cases");
        assertEquals(3, cases.size());
        int scans = 0;
        int missing = 0;
        for (com.google.gson.JsonElement c : cases) {
            for (com.google.gson.JsonElement s : c.getAsJsonObject().getAsJsonArray("scans")) {
                com.google.gson.JsonObject o = s.getAsJsonObject();
                assertEquals("npy", o.get("reader").getAsString());
                assertEquals("[256,256,3]", o.get("shape").toString());
                assertTrue(o.get("max").getAsDouble() > 200);
                scans++;
            }
            for (com.google.gson.JsonElement e : c.getAsJsonObject().getAsJsonArray("errors")) {
                assertEquals("NOT_FOUND", e.getAsJsonObject().get("reason").getAsString());
                missing++;
            }
        }
        assertEquals("X-ray of case 1, X-ray and two MRI of case 2", 4, scans);
        assertEquals(4, missing);
    }

    @Test
    public void unknownCommandFailsClearly() throws Exception {
        Distribution d = Distribution.copy(tmp.newFolder("dist").toPath());
        Distribution.Result r = d.run(false, "no-such-command");
        assertEquals(r.toString(), 2, r.status);
        assertTrue(r.toString(), r.err.contains("unknown command 'no-such-command'"));
        assertTrue(r.toString(), r.err.contains("status"));
    }

    @Test
    public void everyCommandFollowsTheSameCommandLineRules() throws Exception {
        Distribution d = Distribution.copy(tmp.newFolder("dist").toPath());
        Distribution.Result help = d.run(false, "diagnose", "--help");
        assertEquals(help.toString(), 0, help.status);
        assertTrue(help.toString(), help.out.startsWith("Usage: diagnose [-h] --model=NAME[:VERSION]"));
        assertTrue("quiet: no INFO logs without --verbose: " + help, !help.err.contains(" INFO "));
        Distribution.Result unknown = d.run(false, "models", "--bogus");
        assertEquals(unknown.toString(), 2, unknown.status);
        assertTrue(unknown.toString(), unknown.err.startsWith("models: Unknown option: '--bogus'"));
        assertTrue(unknown.toString(), unknown.err.contains("Usage: models [-h] [--json]"));
        Distribution.Result evalHelp = d.run(false, "evaluate", "--json", "--help");
        assertEquals(evalHelp.toString(), 0, evalHelp.status);
        assertTrue(evalHelp.toString(), evalHelp.out.startsWith("Usage: evaluate"));
        Distribution.Result evalJson = d.run(false, "evaluate", "--json");
        assertEquals(evalJson.toString(), 2, evalJson.status);
        assertTrue(evalJson.toString(), evalJson.err.startsWith("evaluate: give --model and --dataset, or --scores"));
        Distribution.Result models = d.run(false, "models", "--json");
        assertEquals(models.toString(), 0, models.status);
        assertTrue(models.toString(), models.out.trim().startsWith("["));
        assertTrue("quiet: " + models, !models.err.contains(" INFO "));
        Distribution.Result verbose = d.run(false, "--verbose", "status", "--json");
        assertEquals(verbose.toString(), 0, verbose.status);
        assertTrue("--verbose shows the engines' INFO logs: " + verbose, verbose.err.contains(" INFO "));
        assertTrue(verbose.toString(), verbose.out.contains("\"healthy\": true"));
    }

    /** Every command answers {@code --help} at start level 2: usage on stdout, exit 0, no native engine started. */
    @Test
    public void everyCommandAnswersHelpWithoutStartingAnEngine() throws Exception {
        Distribution d = Distribution.copy(tmp.newFolder("dist").toPath());
        Distribution.Result list = d.run(false, "commands");
        assertEquals(list.toString(), 0, list.status);
        java.util.List<String> names = new java.util.ArrayList<>();
        for (String line : list.out.split("\n")) {
            if (!line.isBlank()) {
                names.add(line.trim().split("\\s+")[0]);
            }
        }
        assertTrue("the workflow and import commands are listed: " + names,
                names.containsAll(java.util.List.of("train", "demo", "import", "init-model", "evaluate", "diagnose")));
        for (String name : names) {
            Distribution.Result help = d.run(false, "--verbose", name, "--help");
            assertEquals(help.toString(), 0, help.status);
            assertTrue(help.toString(), help.out.startsWith("Usage: " + name));
            assertTrue(name + " --help started a native engine: " + help.err, !help.err.contains("engine ready"));
        }
    }

    @Test
    public void pluginDroppedIntoDeployIsInstalledUpdatedAndRemovedLive() throws Exception {
        Distribution d = Distribution.copy(tmp.newFolder("dist").toPath());
        Process shell = d.command(false, "shell").redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
                int c;
                while ((c = in.read()) >= 0) {
                    output.append((char) c);
                }
            } catch (java.io.IOException ignored) {
                // process ended
            }
        });
        reader.start();
        OutputStream stdin = shell.getOutputStream();
        Path deployed = d.dist.resolve("deploy/probe.jar");
        try {
            Await.until("shell prompt", 60_000, () -> output.toString().contains("g!"));
            Files.copy(RuntimeOptions.probePlugin("a"), deployed);
            awaitOutput(stdin, output, "raddiag:probe one", "probe A one");
            Files.copy(RuntimeOptions.probePlugin("b"), deployed, StandardCopyOption.REPLACE_EXISTING);
            awaitOutput(stdin, output, "raddiag:probe two", "probe B two");
            Files.delete(deployed);
            awaitOutput(stdin, output, "raddiag:probe three", "Command not found: raddiag:probe");
            send(stdin, "stop 0");
            assertTrue("runtime stops on request", shell.waitFor(60, TimeUnit.SECONDS));
        } finally {
            shell.destroyForcibly();
        }
    }

    private static void awaitOutput(OutputStream stdin, StringBuffer output, String line, String expected)
            throws Exception {
        Await.until("'" + expected + "' in shell output:\n" + output, 30_000, () -> {
            if (output.indexOf(expected) >= 0) {
                return true;
            }
            send(stdin, line);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return output.indexOf(expected) >= 0;
        });
    }

    private static void send(OutputStream stdin, String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (java.io.IOException e) {
            throw new AssertionError("shell closed its input", e);
        }
    }
}
