package org.raddiag.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.api.text.LabelEmbeddingFile;

class ZeroShotPackageTest {
    @TempDir
    Path dir;

    private static ModelPackage model(Map<String, String> extra) {
        Map<String, String> a = new LinkedHashMap<>(Map.of(ArchitectureConfig.HEAD, "knowledge",
                ArchitectureConfig.CLASSES, "2", ArchitectureConfig.HIDDEN, "8", KnowledgeLabels.EMBEDDINGS,
                "label-embeddings.npy"));
        a.putAll(extra);
        return new ZeroShotPackage(new ModelRef("ke", "1.0.0"), new ArchitectureConfig(a),
                new LabelSet("phantom", List.of("Normal", "Cardiomegaly"), 1, 1), new double[] {0.3, 0.4},
                Path.of("/models/ke/1.0.0/weights.safetensors"), Map.of("trained_on", "phantom"));
    }

    @Test
    void theViewKeepsTheWeightsAndTakesTheTextsAsClasses() throws Exception {
        ModelPackage m = model(Map.of(KnowledgeLabels.ENCODER, "hashing", KnowledgeLabels.ENCODER_DIMENSION, "16"));
        assertEquals("hashing", ZeroShotPackage.encoderOf(m));
        List<String> texts = List.of("Pleural effusion", "enlarged heart", "fracture");
        LabelEmbeddingFile emb = LabelEmbeddingWriter.write(new HashingEncoder(16), "hashing", texts,
                dir.resolve("z.npy"));
        ModelPackage z = ZeroShotPackage.of(m, texts, emb, "abc");
        assertEquals(m.weights(), z.weights());
        assertEquals(texts, z.labels().labels());
        assertEquals("3", z.architecture().get(ArchitectureConfig.CLASSES));
        assertEquals(emb.file().toString(), z.architecture().get(KnowledgeLabels.EMBEDDINGS));
        assertEquals(emb.sha256(), z.architecture().get(KnowledgeLabels.EMBEDDINGS_SHA256));
        assertEquals("8", z.architecture().get(ArchitectureConfig.HIDDEN));
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, z.thresholds());
        assertEquals(new ModelRef("ke", "1.0.0+zero-shot.abc"), z.ref());
        assertEquals("ke:1.0.0", z.provenance().get("zero_shot_of"));
    }

    @Test
    void modelsWithoutAKnowledgeHeadOrEncoderOrWithAnotherDimensionAreRefused() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZeroShotPackage.encoderOf(model(Map.of(ArchitectureConfig.HEAD, "mlp"))));
        assertTrue(e.getMessage().contains("has no knowledge head (head=mlp)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ZeroShotPackage.encoderOf(model(Map.of())));
        assertTrue(e.getMessage().contains("records no text encoder"), e.getMessage());
        ModelPackage m = model(Map.of(KnowledgeLabels.ENCODER, "hashing", KnowledgeLabels.ENCODER_DIMENSION, "384"));
        LabelEmbeddingFile emb = LabelEmbeddingWriter.write(new HashingEncoder(16), "hashing", List.of("a"),
                dir.resolve("a.npy"));
        e = assertThrows(IllegalArgumentException.class, () -> ZeroShotPackage.of(m, List.of("a"), emb, "k"));
        assertTrue(e.getMessage().contains("16-dimensional"), e.getMessage());
    }
}
