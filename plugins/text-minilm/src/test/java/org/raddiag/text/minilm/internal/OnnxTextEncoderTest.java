package org.raddiag.text.minilm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.text.Pooling;
import org.raddiag.api.text.TextEmbeddings;

/** The real all-MiniLM-L6-v2 on ONNX Runtime, on the plain class path. */
class OnnxTextEncoderTest {
    private static OnnxTextEncoder minilm;

    @BeforeAll
    static void load() throws IOException {
        minilm = EncoderLoader.minilm(new EncoderLoader.Settings(Pooling.MEAN, 256, 64, 2));
    }

    @AfterAll
    static void close() {
        minilm.close();
    }

    @Test
    void describesItself() {
        assertEquals("all-minilm-l6-v2", minilm.name());
        assertEquals(384, minilm.dimension());
        assertEquals(256, minilm.maxTokens());
        assertEquals(Pooling.MEAN, minilm.pooling());
    }

    @Test
    void vectorsAreUnitLengthInInputOrder() throws IOException {
        List<String> texts = List.of("pneumothorax", "a much longer description of a fracture of the left femur", "x");
        TextEmbeddings e = minilm.embed(texts);
        assertEquals(3, e.size());
        for (float[] v : e.vectors()) {
            assertEquals(384, v.length);
            assertEquals(1.0, norm(v), 1e-5);
        }
        // the same text alone gives the same vector (batching and length sorting do not move rows)
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(minilm.embed(List.of(texts.get(i))).vectors()[0], e.vectors()[i], 1e-5f, texts.get(i));
        }
        assertTrue(e.warnings().isEmpty(), e.warnings().toString());
    }

    @Test
    void repeatedRunsGiveTheSameEmbeddings() throws IOException {
        List<String> texts = List.of("cardiomegaly", "pulmonary embolism", "renal cyst");
        float[][] a = minilm.embed(texts).vectors();
        float[][] b = minilm.embed(texts).vectors();
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], texts.get(i));
        }
    }

    @Test
    void synonymsAreCloserThanUnrelatedNames() throws IOException {
        float[][] v = minilm.embed(List.of("heart attack", "myocardial infarction", "bone fracture",
                "kidney stone", "renal calculus", "brain tumour")).vectors();
        assertTrue(cos(v[0], v[1]) > cos(v[0], v[2]) + 0.1, cos(v[0], v[1]) + " vs " + cos(v[0], v[2]));
        assertTrue(cos(v[3], v[4]) > cos(v[3], v[5]) + 0.1, cos(v[3], v[4]) + " vs " + cos(v[3], v[5]));
    }

    @Test
    void emptyOrBlankTextIsRejectedByIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> minilm.embed(List.of("fine", " ")));
        assertEquals("text 1 is empty", e.getMessage());
        List<String> withNull = new ArrayList<>(List.of("fine"));
        withNull.add(null);
        assertEquals("text 1 is missing",
                assertThrows(IllegalArgumentException.class, () -> minilm.embed(withNull)).getMessage());
    }

    @Test
    void overlongTextIsTruncatedWithAWarning() throws IOException {
        String longText = String.join(" ", java.util.Collections.nCopies(400, "effusion"));
        TextEmbeddings e = minilm.embed(List.of("short", longText));
        assertEquals(1, e.warnings().size(), e.warnings().toString());
        assertTrue(e.warnings().get(0).startsWith("text 1 ") && e.warnings().get(0).contains("256 tokens"),
                e.warnings().get(0));
        assertEquals(1.0, norm(e.vectors()[1]), 1e-5);
    }

    @Test
    void manyTextsSpanSeveralBatches() throws IOException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            texts.add("finding number " + i);
        }
        try (OnnxTextEncoder small = EncoderLoader.minilm(new EncoderLoader.Settings(Pooling.MEAN, 256, 7, 1))) {
            float[][] batched = small.embed(texts).vectors();
            float[][] big = minilm.embed(texts).vectors();
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(big[i], batched[i], 1e-5f, texts.get(i));
            }
        }
    }

    @Test
    void aLocalFolderMadeOfTheMiniLmFilesGivesTheSameEmbeddings(@TempDir Path dir) throws IOException {
        copy(EncoderLoader.MINILM_MODEL, dir.resolve("model.onnx"));
        copy(EncoderLoader.MINILM_TOKENIZER, dir.resolve("tokenizer.json"));
        List<String> texts = List.of("atelectasis", "hepatic steatosis");
        try (OnnxTextEncoder local = EncoderLoader.folder("my-minilm", dir,
                new EncoderLoader.Settings(Pooling.MEAN, 512, 64, 1))) {
            assertEquals("my-minilm", local.name());
            assertEquals(384, local.dimension());
            float[][] a = local.embed(texts).vectors();
            float[][] b = minilm.embed(texts).vectors();
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(b[i], a[i], 1e-5f);
            }
        }
        try (OnnxTextEncoder cls = EncoderLoader.folder("my-minilm-cls", dir,
                new EncoderLoader.Settings(Pooling.CLS, 512, 64, 1))) {
            float[] v = cls.embed(texts).vectors()[0];
            assertEquals(1.0, norm(v), 1e-5);
            assertNotEquals(Arrays.toString(minilm.embed(texts).vectors()[0]), Arrays.toString(v));
        }
    }

    @Test
    void folderProblemsAreNamedBeforeAnythingNativeRuns(@TempDir Path dir) throws IOException {
        EncoderLoader.Settings s = new EncoderLoader.Settings(Pooling.MEAN, 512, 64, 1);
        IOException e = assertThrows(IOException.class, () -> EncoderLoader.folder("x", dir.resolve("nope"), s));
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
        copy(EncoderLoader.MINILM_MODEL, dir.resolve("model.onnx"));
        e = assertThrows(IOException.class, () -> EncoderLoader.folder("x", dir, s));
        assertTrue(e.getMessage().contains(dir + ": no tokenizer.json"), e.getMessage());
        Files.writeString(dir.resolve("tokenizer.json"), "{ not a tokenizer");
        e = assertThrows(IOException.class, () -> EncoderLoader.folder("x", dir, s));
        assertTrue(e.getMessage().contains("tokenizer.json: cannot load the tokenizer"), e.getMessage());
        copy(EncoderLoader.MINILM_TOKENIZER, dir.resolve("tokenizer.json"));
        Files.writeString(dir.resolve("model.onnx"), "not onnx");
        e = assertThrows(IOException.class, () -> EncoderLoader.folder("x", dir, s));
        assertTrue(e.getMessage().contains("model.onnx: ONNX Runtime cannot load the model"), e.getMessage());
    }

    @Test
    void badSettingsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EncoderLoader.settings(java.util.Map.of("threads", "two"), 256));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EncoderLoader.settings(java.util.Map.of("pooling", "max"), 256));
        assertTrue(e.getMessage().contains("mean or cls"), e.getMessage());
    }

    static double cos(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s / (norm(a) * norm(b));
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = OnnxTextEncoderTest.class.getResourceAsStream(resource)) {
            Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
