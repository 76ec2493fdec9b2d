package org.raddiag.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.text.Pooling;
import org.raddiag.api.text.TextEmbeddings;
import org.raddiag.api.text.TextEncoder;

/**
 * A whole run in its folder, with a small real encoder (hashed character trigrams, 64 dimensions): the frozen
 * embeddings are computed once, an interrupted run resumes to the same model and report, a finished folder and a
 * folder of a run with other settings are refused, and the model loads as a knowledge encoder.
 */
class KnowledgeRunTest {
    @TempDir
    Path dir;

    /** Bag of hashed character trigrams, L2-normalised: similar spellings embed close together. */
    static final class TrigramEncoder implements TextEncoder {
        final AtomicInteger texts = new AtomicInteger();

        @Override
        public String name() {
            return "trigrams";
        }

        @Override
        public int dimension() {
            return 64;
        }

        @Override
        public int maxTokens() {
            return 128;
        }

        @Override
        public Pooling pooling() {
            return Pooling.MEAN;
        }

        @Override
        public TextEmbeddings embed(List<String> list) {
            float[][] v = new float[list.size()][64];
            for (int n = 0; n < list.size(); n++) {
                String s = " " + list.get(n).toLowerCase() + " ";
                for (int i = 0; i + 3 <= s.length(); i++) {
                    v[n][Math.floorMod(s.substring(i, i + 3).hashCode(), 64)] += 1;
                }
                double norm = 0;
                for (float x : v[n]) {
                    norm += x * x;
                }
                for (int i = 0; i < 64; i++) {
                    v[n][i] /= (float) Math.sqrt(norm);
                }
            }
            texts.addAndGet(list.size());
            return new TextEmbeddings(v, List.of());
        }
    }

    private static KnowledgeSpec spec() {
        return new KnowledgeSpec("trigrams", 3, 4, 0.1, 200, 64, 1e-3, 1e-4, 32, 0.05f, 0.03f);
    }

    @Test
    void anInterruptedRunResumesToTheSameModelAndReport() throws IOException {
        IcdKnowledge k = IcdKnowledge.bundled();
        TrigramEncoder enc = new TrigramEncoder();
        Map<String, Object> whole = KnowledgeRun.execute(spec(), k, enc, dir.resolve("whole"), (e, n, l) -> { });
        assertEquals(200, enc.texts.get());
        assertEquals("knowledge:whole", whole.get("model"));
        assertEquals(200, whole.get("disorders"));
        assertEquals(20, whole.get("heldOutDisorders"));

        Path broken = dir.resolve("broken");
        assertThrows(IOException.class, () -> KnowledgeRun.execute(spec(), k, enc, broken, (e, n, l) -> {
            if (e == 2) {
                throw new IOException("killed");
            }
        }));
        assertFalse(KnowledgeModel.isFinished(broken));
        List<Integer> epochs = new ArrayList<>();
        Map<String, Object> resumed = KnowledgeRun.execute(spec(), k, enc, broken, (e, n, l) -> epochs.add(e));
        assertEquals(List.of(3), epochs);
        assertEquals(400, enc.texts.get(), "the resumed run reads the cached embeddings");
        assertEquals(2, resumed.get("resumedAtEpoch"));
        assertEquals(whole.get("raw"), resumed.get("raw"));
        assertEquals(whole.get("trained"), resumed.get("trained"));
        assertEquals(whole.get("losses"), resumed.get("losses"));
        KnowledgeModel a = KnowledgeModel.load(dir.resolve("whole"));
        KnowledgeModel b = KnowledgeModel.load(broken);
        assertArrayEquals(a.adapter().w1(), b.adapter().w1());
        assertArrayEquals(a.adapter().w2(), b.adapter().w2());
        assertEquals("trigrams", b.base());
        assertEquals(128, b.maxTokens());
        String report = Files.readString(broken.resolve(KnowledgeRun.REPORT), StandardCharsets.UTF_8);
        assertTrue(report.contains("\"top5\""), report);

        KnowledgeEncoder ke = new KnowledgeEncoder(b, () -> enc);
        assertEquals("knowledge:broken", ke.name());
        float[][] direct = b.adapter().apply(enc.embed(List.of("Pneumonia")).vectors());
        assertArrayEquals(direct[0], ke.embed(List.of("Pneumonia")).vectors()[0]);
        IOException gone = assertThrows(IOException.class, () -> new KnowledgeEncoder(b, () -> null).embed(List.of("x")));
        assertEquals("knowledge:broken: its base encoder trigrams is not available", gone.getMessage());
    }

    @Test
    void aFinishedModelOrARunWithOtherSettingsIsNotOverwritten() throws IOException {
        IcdKnowledge k = IcdKnowledge.bundled();
        TrigramEncoder enc = new TrigramEncoder();
        KnowledgeRun.execute(spec(), k, enc, dir.resolve("m"), (e, n, l) -> { });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KnowledgeRun.execute(spec(), k, enc, dir.resolve("m"), (x, n, l) -> { }));
        assertTrue(e.getMessage().contains("already holds a trained knowledge model"), e.getMessage());

        Path broken = dir.resolve("b");
        assertThrows(IOException.class, () -> KnowledgeRun.execute(spec(), k, enc, broken, (x, n, l) -> {
            throw new IOException("killed");
        }));
        KnowledgeSpec other = new KnowledgeSpec("trigrams", 5, 4, 0.1, 200, 64, 1e-3, 1e-4, 32, 0.05f, 0.03f);
        e = assertThrows(IllegalStateException.class, () -> KnowledgeRun.execute(other, k, enc, broken, (x, n, l) -> { }));
        assertTrue(e.getMessage().contains("unfinished run with other settings"), e.getMessage());
    }
}
