package org.raddiag.workflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.api.text.LabelEmbeddingFile;
import org.raddiag.api.text.Pooling;

class KnowledgeSetupTest {
    private static final InMemoryDataset DATA = new InMemoryDataset(new LabelSet("phantom", List.of("Normal",
            "Pleural effusion", "Cardiomegaly"), 2, 1), Map.of("c1", List.of("Cardiomegaly")));
    private static final Path RUN = Path.of("/runs/ke");

    /** Records what it was asked to embed; the embedding itself is core's (tested there and in KnowledgeHeadIT). */
    private static final class Recorder implements KnowledgeLabels {
        final List<List<String>> embedded = new ArrayList<>();

        @Override
        public Set<String> encoders() {
            return Set.of("all-minilm-l6-v2");
        }

        @Override
        public List<String> readLabels(Path file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LabelEmbeddingFile embed(String encoder, List<String> labels, Path file) {
            embedded.add(labels);
            return new LabelEmbeddingFile(file, encoder, 384, Pooling.MEAN, "ab".repeat(32), List.of(), false);
        }

        @Override
        public LabelEmbeddingFile write(String encoder, List<String> labels, Path file) {
            return embed(encoder, labels, file);
        }

        @Override
        public ModelPackage zeroShot(ModelPackage model, List<String> texts) {
            throw new UnsupportedOperationException();
        }
    }

    private static KnowledgeSetup prepare(Recorder k, Map<String, String> settings) throws Exception {
        return KnowledgeSetup.prepare(settings, DATA, RUN, k, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void textEncoderEmbedsTheTrainedLabelsIntoTheRunFolderAndThePackageNamesThemRelatively() throws Exception {
        Recorder k = new Recorder();
        KnowledgeSetup s = prepare(k, Map.of("head", "knowledge", "text_encoder", "all-minilm-l6-v2", "withhold",
                "Pleural effusion", "epochs", "2"));
        assertEquals(List.of(List.of("Normal", "Cardiomegaly")), k.embedded);
        assertEquals(List.of("Normal", "Cardiomegaly"), s.data().labels().labels());
        Map<String, String> t = s.settings();
        assertFalse(t.containsKey("text_encoder") || t.containsKey("withhold"), t.toString());
        assertEquals(RUN.resolve(KnowledgeSetup.FILE).toString(), t.get(KnowledgeLabels.EMBEDDINGS));
        assertEquals("all-minilm-l6-v2", t.get(KnowledgeLabels.ENCODER));
        assertEquals("2", t.get("epochs"));
        ArchitectureConfig packaged = s.packaged(new ArchitectureConfig(t));
        assertEquals(KnowledgeSetup.FILE, packaged.get(KnowledgeLabels.EMBEDDINGS));
        assertEquals(Map.of(KnowledgeSetup.FILE, RUN.resolve(KnowledgeSetup.FILE)), s.files());
        assertEquals("Pleural effusion", s.provenance().get("withheld_labels"));
    }

    @Test
    void settingsThatCannotWorkTogetherAreRefused() throws Exception {
        Recorder k = new Recorder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> prepare(k, Map.of("head", "knowledge")));
        assertTrue(e.getMessage().contains("text_encoder=NAME (installed text encoders: [all-minilm-l6-v2])"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> prepare(k, Map.of("text_encoder", "x")));
        assertTrue(e.getMessage().contains("head=knowledge"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> prepare(k, Map.of("head", "knowledge", "text_encoder",
                "x", KnowledgeLabels.EMBEDDINGS, "e.npy")));
        KnowledgeSetup plain = prepare(k, Map.of("head", "knowledge", KnowledgeLabels.EMBEDDINGS, "e.npy"));
        assertEquals(Map.of(), plain.files());
        assertTrue(k.embedded.isEmpty());
    }
}
