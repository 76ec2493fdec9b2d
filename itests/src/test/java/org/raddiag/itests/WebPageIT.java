package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The web page end to end in headless Chromium: upload a scan, see the ranked findings, the slices with their
 * attention, and the plugins; an admin action without the token is refused. Needs Debian {@code chromium} and
 * {@code playwright-core} ({@code tools/setup-browser.sh} installs both); skipped with the reason when it cannot.
 * Leaves a screenshot in {@code itests/target/screenshots/web-ui.png}.
 */
public class WebPageIT {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void uploadShowsFindingsSlicesAttentionAndPlugins() throws Exception {
        ToolSetup.runOrSkip("setup-browser.sh", "browser test");
        String modules = ToolSetup.browserModules();

        Distribution d = Distribution.copy(tmp.newFolder("dist").toPath());
        assertEquals(0, d.run(false, "init-model", "--arch", "demo-small", "--name", "tiny").status);
        Path script = tmp.newFile("web-ui.js").toPath();
        for (String f : new String[] {"web-ui.js", "chromium.js"}) {
            try (var in = WebPageIT.class.getResourceAsStream("/browser/" + f)) {
                Files.copy(in, script.resolveSibling(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path shot = Paths.get("target/screenshots/web-ui.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        try (ServeProcess serve = new ServeProcess(d)) {
            ProcessBuilder pb = new ProcessBuilder("node", script.toString(), serve.base,
                    d.dist.resolve("data/rp3d-demo/DemoData/data/149462.npy").toString(), shot.toString());
            pb.environment().put("NODE_PATH", modules);
            Process node = pb.redirectErrorStream(true).start();
            String out = Distribution.read(node.getInputStream());
            assertTrue("node did not finish", node.waitFor(180, TimeUnit.SECONDS));
            assertEquals(out + "\n--- serve\n" + serve.output, 0, node.exitValue());
            String last = out.strip().substring(out.strip().lastIndexOf('\n') + 1);
            JsonObject r = JsonParser.parseString(last).getAsJsonObject();
            assertEquals(out, 8, r.get("findings").getAsInt());
            assertTrue(out, r.get("meta").getAsString().startsWith("tiny:1.0.0 on pytorch"));
            assertEquals(out, 32, r.get("sliceWidth").getAsInt());
            assertEquals(out, 3, r.get("attentionBars").getAsInt());
            assertTrue(out, r.get("sliceChanged").getAsBoolean());
            assertTrue(out, r.get("pluginRows").getAsInt() > 5);
            assertEquals(out, 2, r.get("modelOptions").getAsInt());
            assertTrue(out, r.get("adminStatus").getAsString().contains("admin API is disabled"));
            assertEquals(out, 0, r.getAsJsonArray("errors").size());
            assertTrue(Files.size(shot) > 10_000);
        }
    }
}
