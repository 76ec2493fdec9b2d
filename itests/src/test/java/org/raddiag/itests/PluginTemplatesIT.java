package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The plugin templates of {@code examples/} are built with the platform and hot-deploy into the running runtime:
 * the MetaImage reader template is installed, found by {@code inspect} for a {@code .mha} file, and uninstalled
 * again, with no restart and no other bundle refreshed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginTemplatesIT extends PaxExamRuntime {
    @Test
    public void readerTemplateHotDeploysAndReads() throws Exception {
        Await.until("inspect command", 60_000, () -> InFramework.command(context, "inspect") != null);
        Path dir = Files.createTempDirectory(Path.of("target"), "metaimage");
        Path mha = dir.resolve("phantom.mha");
        Files.write(mha, metaImage(4, 3, 2));
        assertNotEquals("no reader for .mha before the plugin is installed", 0,
                InFramework.call(context, "inspect", mha.toString()).status());

        long core = InFramework.bundle(context, "raddiag-core").getLastModified();
        Bundle plugin = context.installBundle("example-metaimage", Files.newInputStream(
                RuntimeOptions.probePlugins().resolve("raddiag-example-reader-metaimage.jar")));
        plugin.start();
        Await.until("the MetaImage reader reads the file", 30_000, () -> inspectOk(mha));
        InFramework.Outcome o = InFramework.call(context, "inspect", "--json", mha.toString());
        String json = o.output().replaceAll("\\s", "");
        assertTrue(o.output(), json.contains("\"reader\":\"metaimage\"") && json.contains("\"shape\":[4,3,2]"));

        plugin.uninstall();
        InFramework.refresh(context, plugin);
        Await.until("the reader is gone", 30_000, () -> !inspectOk(mha));
        assertEquals("core was not restarted or refreshed", core,
                InFramework.bundle(context, "raddiag-core").getLastModified());
    }

    private boolean inspectOk(Path file) {
        try {
            return InFramework.call(context, "inspect", file.toString()).status() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** A little-endian MET_SHORT MetaImage, as ITK writes a single-file .mha. */
    private static byte[] metaImage(int w, int h, int d) {
        String header = "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n"
                + "CompressedData = False\nElementSpacing = 1 1 3\nDimSize = " + w + " " + h + " " + d
                + "\nElementType = MET_SHORT\nElementDataFile = LOCAL\n";
        ByteBuffer b = ByteBuffer.allocate(header.length() + 2 * w * h * d).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < w * h * d; i++) {
            b.putShort((short) (i * 10 - 100));
        }
        return b.array();
    }
}
