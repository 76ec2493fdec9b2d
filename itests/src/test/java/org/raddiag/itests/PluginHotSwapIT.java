package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * A plugin is installed, bound by a running consumer (the shell bundle, which publishes every Command service as
 * a Gogo function), uninstalled, replaced by another plugin, and updated in place, all without restarting the
 * consumer.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginHotSwapIT extends PaxExamRuntime {
    @Inject
    private CommandProcessor processor;

    @Test
    public void consumerRebindsAcrossInstallUninstallReplaceAndUpdate() throws Exception {
        Bundle consumer = InFramework.bundle(context, "raddiag-shell");
        long consumerSince = consumer.getLastModified();
        Await.until("status command published in the shell", 30_000, () -> run("raddiag:status --wait 0").contains("Bundles"));
        assertTrue(run("raddiag:probe").startsWith("ERROR"));

        Bundle a = context.installBundle("probe-a", Files.newInputStream(RuntimeOptions.probePlugin("a")));
        a.start();
        Await.until("probe A bound", 10_000, () -> run("raddiag:probe x").contains("probe A x"));

        a.uninstall();
        InFramework.refresh(context, a);
        Await.until("probe gone", 10_000, () -> run("raddiag:probe").startsWith("ERROR"));

        Bundle b = context.installBundle("probe-b", Files.newInputStream(RuntimeOptions.probePlugin("b")));
        b.start();
        Await.until("probe B bound", 10_000, () -> run("raddiag:probe y").contains("probe B y"));

        try (InputStream in = Files.newInputStream(RuntimeOptions.probePlugin("a"))) {
            b.update(in);
        }
        InFramework.refresh(context, b);
        Await.until("probe updated in place to A", 10_000, () -> run("raddiag:probe z").contains("probe A z"));

        assertSame(consumer, InFramework.bundle(context, "raddiag-shell"));
        assertEquals(Bundle.ACTIVE, consumer.getState());
        assertEquals("consumer bundle was not restarted or updated", consumerSince, consumer.getLastModified());
    }

    private String run(String line) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (CommandSession s = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
            s.execute(line);
        } catch (Exception e) {
            return "ERROR " + e;
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
