package org.raddiag.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.api.text.LabelEmbeddingFile;
import org.raddiag.checkpoint.Checksums;
import org.raddiag.support.numpy.NpyArray;
import org.raddiag.support.numpy.NpyFormat;

class LabelEmbeddingWriterTest {
    private static final List<String> LABELS = List.of("Normal", "Pleural effusion", "Cardiomegaly");

    @TempDir
    Path dir;

    @Test
    void writesOneRowPerLabelWithARecordAndReusesItUnchanged() throws Exception {
        HashingEncoder enc = new HashingEncoder(16);
        Path file = dir.resolve("run/label-embeddings.npy");
        assertNull(LabelEmbeddingWriter.existing(file));
        LabelEmbeddingFile w = LabelEmbeddingWriter.write(enc, "hashing", LABELS, file);
        assertFalse(w.reused());
        assertEquals(Checksums.sha256(file), w.sha256());
        NpyArray a = NpyFormat.read(file);
        assertArrayEquals(new long[] {3, 16}, a.shape());
        assertArrayEquals(enc.embed(List.of("Cardiomegaly")).vectors()[0],
                java.util.Arrays.copyOfRange(a.toFloatArray(), 32, 48));
        assertEquals("label-embeddings.npy", w.settings("label-embeddings.npy").get(KnowledgeLabels.EMBEDDINGS));
        assertEquals("16", w.settings("x").get(KnowledgeLabels.ENCODER_DIMENSION));
        assertEquals("mean", w.settings("x").get(KnowledgeLabels.ENCODER_POOLING));

        byte[] bytes = Files.readAllBytes(file);
        EmbeddingRecord r = LabelEmbeddingWriter.existing(file);
        LabelEmbeddingFile again = LabelEmbeddingWriter.reuse(r, "hashing", LABELS, file);
        assertTrue(again.reused());
        assertEquals(w.sha256(), again.sha256());
        assertEquals(16, again.dimension());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void aFileOfAnotherEncoderOrOtherLabelsOrChangedBytesIsNotReused() throws Exception {
        Path file = dir.resolve("label-embeddings.npy");
        LabelEmbeddingWriter.write(new HashingEncoder(8), "hashing", LABELS, file);
        EmbeddingRecord r = LabelEmbeddingWriter.existing(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelEmbeddingWriter.reuse(r, "all-minilm-l6-v2", LABELS, file));
        assertTrue(e.getMessage().contains("'hashing', not 'all-minilm-l6-v2'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LabelEmbeddingWriter.reuse(r, "hashing", LABELS.subList(0, 2), file));
        assertTrue(e.getMessage().contains("other labels"), e.getMessage());
        byte[] b = Files.readAllBytes(file);
        b[b.length - 1] ^= 1;
        Files.write(file, b);
        IOException io = assertThrows(IOException.class, () -> LabelEmbeddingWriter.reuse(r, "hashing", LABELS, file));
        assertTrue(io.getMessage().contains("changed since it was written"), io.getMessage());
    }

    @Test
    void blankOrRepeatedTextsAreRefusedByIndex() {
        assertEquals("label 1 is empty", assertThrows(IllegalArgumentException.class,
                () -> LabelEmbeddingWriter.checkTexts(List.of("a", " "), "label")).getMessage());
        assertEquals("label 'a' is given twice", assertThrows(IllegalArgumentException.class,
                () -> LabelEmbeddingWriter.checkTexts(List.of("a", "b", "a"), "label")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabelEmbeddingWriter.checkTexts(List.of(), "label"));
    }

    @Test
    void aBrokenRecordIsAnErrorNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("e.npy"), "x");
        Files.writeString(EmbeddingRecord.of(file), "{\"encoder\": 3");
        IOException e = assertThrows(IOException.class, () -> LabelEmbeddingWriter.existing(file));
        assertTrue(e.getMessage().contains("e.npy.json"), e.getMessage());
    }
}
