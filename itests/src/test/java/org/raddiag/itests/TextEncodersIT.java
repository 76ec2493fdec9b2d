package org.raddiag.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.raddiag.api.text.Pooling;
import org.raddiag.api.text.TextEmbeddings;
import org.raddiag.api.text.TextEncoder;

/**
 * Text encoders in the real framework: the built-in MiniLM (its tokenizer's native library loaded inside the plugin
 * bundle), a local-folder encoder configured through ConfigAdmin, and {@code embed-labels} writing the .npy the
 * knowledge head reads.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TextEncodersIT {
    private static final String MINILM = "all-minilm-l6-v2";
    private static final String LOCAL_PID = "org.raddiag.text.local";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return RuntimeOptions.runtime();
    }

    @Test
    public void miniLmEmbedsInTheFramework() throws Exception {
        TextEncoder e = encoder(MINILM);
        assertEquals(384, e.dimension());
        assertEquals(Pooling.MEAN, e.pooling());
        TextEmbeddings v = e.embed(List.of("heart attack", "myocardial infarction", "bone fracture"));
        assertEquals(3, v.size());
        float[][] u = v.vectors();
        assertTrue(TextEncoderServices.dot(u[0], u[1]) > TextEncoderServices.dot(u[0], u[2]));
        assertArrayEquals(v.vectors()[2], e.embed(List.of("bone fracture")).vectors()[0], 1e-5f);
        try {
            e.embed(List.of("ok", ""));
            throw new AssertionError("accepted an empty text");
        } catch (IllegalArgumentException expected) {
            assertEquals("text 1 is empty", expected.getMessage());
        }
    }

    @Test
    public void embedLabelsWritesWhatTheKnowledgeHeadReads() throws Exception {
        encoder(MINILM);
        Path dir = Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "embed-labels");
        Path labels = Files.writeString(dir.resolve("labels.txt"), "pneumonia\npleural effusion\ncardiomegaly\n");
        Path out = dir.resolve("emb.npy");
        InFramework.Outcome o = InFramework.call(context, "embed-labels", "--labels", labels.toString(),
                "--encoder", MINILM, "--out", out.toString(), "--json");
        assertEquals(o.output(), 0, o.status());
        assertTrue(o.output(), o.output().contains("\"labels\": 3") && o.output().contains("\"dimension\": 384"));
        byte[] npy = Files.readAllBytes(out);
        int headerLen = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
        String header = new String(npy, 10, headerLen, StandardCharsets.ISO_8859_1);
        assertTrue(header, header.contains("'descr': '<f4'") && header.contains("'shape': (3, 384)"));
        assertEquals(10 + headerLen + 3 * 384 * 4, npy.length);

        Path dict = Paths.get(System.getProperty("raddiag.testdata"), "rp3d-demo", "disorder_label_dict.json");
        o = InFramework.call(context, "embed-labels", "--labels", dict.toString(), "--encoder", MINILM,
                "--out", dir.resolve("rp3d.npy").toString());
        assertEquals(o.output(), 0, o.status());
        assertTrue(o.output(), o.output().contains("5569 labels x 384"));

        o = InFramework.call(context, "embed-labels", "--labels", labels.toString(), "--encoder", "nope",
                "--out", out.toString());
        assertEquals(1, o.status());
        assertTrue(o.output(), o.output().contains("no text encoder 'nope'") && o.output().contains(MINILM));
        Files.writeString(labels, "a\n\nb\n");
        o = InFramework.call(context, "embed-labels", "--labels", labels.toString(), "--encoder", MINILM,
                "--out", out.toString());
        assertEquals(1, o.status());
        assertTrue(o.output(), o.output().contains("line 2: empty label"));
        assertEquals(0, InFramework.run(context, "embed-labels", "--help"));
    }

    @Test
    public void aLocalFolderEncoderPlugsInThroughConfigAdmin() throws Exception {
        TextEncoder minilm = encoder(MINILM);
        Bundle plugin = InFramework.bundle(context, "raddiag-text-minilm");
        Path folder = Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "local-encoder");
        InFramework.copyEntry(plugin, "minilm/all-minilm-l6-v2.onnx", folder.resolve("model.onnx"));
        Await.until("ConfigurationAdmin", 60_000, () -> InFramework.service(context, ConfigurationAdmin.class) != null);
        ConfigurationAdmin cm = InFramework.service(context, ConfigurationAdmin.class);

        // a folder without a tokenizer: the encoder does not start and SCR records why
        org.osgi.service.cm.Configuration bad = cm.createFactoryConfiguration(LOCAL_PID, "?");
        bad.update(props("no-tokenizer", folder, "mean"));
        Await.until("encoder no-tokenizer registered", 60_000, () -> !refs("no-tokenizer").isEmpty());
        InFramework.Outcome o = InFramework.call(context, "embed-labels", "--labels",
                Files.writeString(folder.resolve("l.txt"), "x\n").toString(), "--encoder", "no-tokenizer",
                "--out", folder.resolve("x.npy").toString());
        assertEquals(1, o.status());
        assertTrue(o.output(), o.output().contains("could not start"));
        assertTrue(failures(), failures().contains(folder + ": no tokenizer.json"));
        bad.delete();

        InFramework.copyEntry(plugin, "minilm/all-minilm-l6-v2-tokenizer.json", folder.resolve("tokenizer.json"));
        org.osgi.service.cm.Configuration good = cm.createFactoryConfiguration(LOCAL_PID, "?");
        good.update(props("my-minilm", folder, "mean"));
        try {
            TextEncoder local = encoder("my-minilm");
            assertEquals(384, local.dimension());
            assertEquals(512, local.maxTokens());
            List<String> texts = List.of("atelectasis", "renal calculus");
            float[][] a = local.embed(texts).vectors();
            float[][] b = minilm.embed(texts).vectors();
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(b[i], a[i], 1e-5f);
            }
        } finally {
            good.delete();
        }
        Await.until("encoder my-minilm gone", 30_000, () -> refs("my-minilm").isEmpty());
    }

    private static Dictionary<String, Object> props(String name, Path folder, String pooling) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(TextEncoder.ENCODER, name);
        p.put("folder", folder.toString());
        p.put("pooling", pooling);
        p.put("threads", "1");
        return p;
    }

    private String failures() {
        ServiceComponentRuntime scr = InFramework.service(context, ServiceComponentRuntime.class);
        StringBuilder s = new StringBuilder();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.failure != null) {
                    s.append(d.name).append(": ").append(c.failure).append('\n');
                }
            }
        }
        return s.toString();
    }

    private TextEncoder encoder(String name) throws Exception {
        return TextEncoderServices.await(context, name);
    }

    private Collection<ServiceReference<TextEncoder>> refs(String name) {
        return TextEncoderServices.refs(context, name);
    }
}
