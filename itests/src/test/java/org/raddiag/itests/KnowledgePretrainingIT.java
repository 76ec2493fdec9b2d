package org.raddiag.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.raddiag.api.text.TextEncoder;

/**
 * Knowledge pre-training in the real framework: {@code train-knowledge} on a 300-disorder subset with the built-in
 * MiniLM, then the new encoder {@code knowledge:NAME} appears as a text encoder service (no restart) and
 * {@code embed-labels --knowledge NAME} writes label embeddings with it; a knowledge encoder goes when its base
 * encoder goes and comes back with it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KnowledgePretrainingIT extends PaxExamRuntime {
    private static final String MINILM = "all-minilm-l6-v2";

    @Test
    public void trainKnowledgeThenItsEncoderEmbedsLabels() throws Exception {
        encoder(MINILM);
        Await.until("command train-knowledge", 120_000, () -> InFramework.command(context, "train-knowledge") != null);
        InFramework.Outcome o = InFramework.call(context, "train-knowledge", "--out", "sub", "--disorders", "300",
                "--epochs", "2", "--json");
        assertEquals(o.output(), 0, o.status());
        assertTrue(o.output(), o.output().contains("\"model\": \"knowledge:sub\"")
                && o.output().contains("\"raw\"") && o.output().contains("\"trained\"")
                && o.output().contains("\"mrr\"") && o.output().contains("\"disorders\": 300"));
        Path model = Paths.get(System.getProperty("raddiag.home"), "knowledge", "sub");
        String report = Files.readString(model.resolve("report.json"), StandardCharsets.UTF_8);
        assertTrue(report, report.contains("\"top1\"") && report.contains("\"top5\""));
        assertTrue(Files.isRegularFile(model.resolve("adapter.safetensors")));
        assertFalse("the checkpoint of a finished run is removed", Files.exists(model.resolve("checkpoint.safetensors")));

        TextEncoder knowledge = encoder("knowledge:sub");
        TextEncoder minilm = encoder(MINILM);
        assertEquals(384, knowledge.dimension());
        List<String> texts = List.of("lobar pneumonia", "renal calculus");
        float[][] k = knowledge.embed(texts).vectors();
        float[][] b = minilm.embed(texts).vectors();
        for (int i = 0; i < k.length; i++) {
            assertEquals(1.0, TextEncoderServices.dot(k[i], k[i]), 1e-4);
            assertTrue("the adapter changed the embedding", TextEncoderServices.dot(k[i], b[i]) < 0.99999);
        }
        assertArrayEquals(k[1], knowledge.embed(List.of("renal calculus")).vectors()[0], 1e-6f);

        Path dir = Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "knowledge");
        Path labels = Files.writeString(dir.resolve("labels.txt"), "pneumonia\npleural effusion\ncardiomegaly\n");
        o = InFramework.call(context, "embed-labels", "--labels", labels.toString(), "--knowledge", "sub",
                "--out", dir.resolve("k.npy").toString(), "--json");
        assertEquals(o.output(), 0, o.status());
        assertTrue(o.output(), o.output().contains("\"encoder\": \"knowledge:sub\"") && o.output().contains("\"labels\": 3"));
        o = InFramework.call(context, "embed-labels", "--labels", labels.toString(), "--knowledge", "sub",
                "--encoder", "other", "--out", dir.resolve("k.npy").toString());
        assertEquals(o.output(), 1, o.status());
        assertTrue(o.output(), o.output().contains("adapts encoder '" + MINILM + "'"));

        o = InFramework.call(context, "train-knowledge", "--out", "sub", "--disorders", "300", "--epochs", "2");
        assertEquals(o.output(), 1, o.status());
        assertTrue(o.output(), o.output().contains("already holds a trained knowledge model"));
        o = InFramework.call(context, "train-knowledge", "--out", "x", "--encoder", "nope");
        assertEquals(o.output(), 1, o.status());
        assertTrue(o.output(), o.output().contains("no text encoder 'nope'") && o.output().contains(MINILM));
        assertEquals(2, InFramework.run(context, "train-knowledge", "--out", "x", "--holdout", "0.9"));
        assertEquals(2, InFramework.run(context, "train-knowledge", "--out", "bad name!"));
        assertEquals(0, InFramework.run(context, "train-knowledge", "--help"));
    }

    @Test
    public void aKnowledgeEncoderGoesWithItsBaseEncoder() throws Exception {
        encoder(MINILM);
        Await.until("command train-knowledge", 120_000, () -> InFramework.command(context, "train-knowledge") != null);
        Bundle plugin = InFramework.bundle(context, "raddiag-text-minilm");
        Path folder = Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "local-base");
        InFramework.copyEntry(plugin, "minilm/all-minilm-l6-v2.onnx", folder.resolve("model.onnx"));
        InFramework.copyEntry(plugin, "minilm/all-minilm-l6-v2-tokenizer.json", folder.resolve("tokenizer.json"));
        Await.until("ConfigurationAdmin", 60_000, () -> InFramework.service(context, ConfigurationAdmin.class) != null);
        ConfigurationAdmin cm = InFramework.service(context, ConfigurationAdmin.class);
        org.osgi.service.cm.Configuration base = cm.createFactoryConfiguration("org.raddiag.text.local", "?");
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(TextEncoder.ENCODER, "local-base");
        p.put("folder", folder.toString());
        p.put("threads", "1");
        base.update(p);
        encoder("local-base");
        Path out = Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "kmodels").resolve("on-local");
        InFramework.Outcome o = InFramework.call(context, "train-knowledge", "--encoder", "local-base", "--out",
                out.toString(), "--disorders", "120", "--epochs", "1");
        assertEquals(o.output(), 0, o.status());
        assertTrue(o.output(), o.output().contains("trained knowledge:on-local"));
        assertEquals(384, encoder("knowledge:on-local").dimension());
        assertEquals("local-base", refs("knowledge:on-local").iterator().next().getProperty(TextEncoder.BASE));

        base.delete();
        Await.until("knowledge:on-local gone with its base", 30_000, () -> refs("knowledge:on-local").isEmpty());
        base = cm.createFactoryConfiguration("org.raddiag.text.local", "?");
        base.update(p);
        try {
            assertEquals(3, encoder("knowledge:on-local").embed(List.of("a", "b", "c")).size());
        } finally {
            base.delete();
        }
    }

    private TextEncoder encoder(String name) throws Exception {
        return TextEncoderServices.await(context, name);
    }

    private Collection<ServiceReference<TextEncoder>> refs(String name) {
        return TextEncoderServices.refs(context, name);
    }
}
