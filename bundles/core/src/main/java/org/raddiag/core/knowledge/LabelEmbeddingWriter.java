package org.raddiag.core.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.raddiag.api.text.LabelEmbeddingFile;
import org.raddiag.api.text.Pooling;
import org.raddiag.api.text.TextEmbeddings;
import org.raddiag.api.text.TextEncoder;
import org.raddiag.checkpoint.Checksums;
import org.raddiag.support.files.DurableFiles;
import org.raddiag.support.numpy.NpyWriter;

/**
 * Writes label embeddings as a float32 {@code (labels, dim)} .npy with its {@link EmbeddingRecord}, or reuses an
 * existing pair that was made by the same encoder for the same labels and still has its recorded SHA-256.
 */
final class LabelEmbeddingWriter {
    private LabelEmbeddingWriter() {
    }

    /** The record of an existing {@code file}, or null when there is no file or no record to reuse. */
    static EmbeddingRecord existing(Path file) throws IOException {
        return Files.isRegularFile(file) ? EmbeddingRecord.read(file) : null;
    }

    /** Embeds {@code labels} with {@code encoder} into {@code file} (replaced atomically) and writes its record. */
    static LabelEmbeddingFile write(TextEncoder encoder, String name, List<String> labels, Path file)
            throws IOException {
        TextEmbeddings emb = encoder.embed(labels);
        int dim = encoder.dimension();
        float[] flat = new float[labels.size() * dim];
        for (int i = 0; i < labels.size(); i++) {
            if (emb.vectors()[i].length != dim) {
                throw new IOException("text encoder '" + name + "' gave " + emb.vectors()[i].length + " values for"
                        + " label " + i + ", its dimension is " + dim);
            }
            System.arraycopy(emb.vectors()[i], 0, flat, i * dim, dim);
        }
        DurableFiles.createDirectories(file.toAbsolutePath().getParent());
        DurableFiles.write(file, NpyWriter.float32(flat, new long[] {labels.size(), dim}, false));
        String sha = Checksums.sha256(file);
        new EmbeddingRecord(name, dim, encoder.pooling().key(), labels, sha).write(file);
        return new LabelEmbeddingFile(file, name, dim, encoder.pooling(), sha, emb.warnings(), false);
    }

    /**
     * The existing {@code file} described by {@code r}, when it was made by {@code encoder} for {@code labels}.
     *
     * @throws IllegalArgumentException when it was made by another encoder or for other labels
     * @throws IOException              when the file no longer has its recorded SHA-256
     */
    static LabelEmbeddingFile reuse(EmbeddingRecord r, String encoder, List<String> labels, Path file)
            throws IOException {
        if (!r.encoder().equals(encoder)) {
            throw new IllegalArgumentException(file + " holds label embeddings of the text encoder '" + r.encoder()
                    + "', not '" + encoder + "': use the same encoder to resume, or another output folder");
        }
        if (!r.labels().equals(labels)) {
            throw new IllegalArgumentException(file + " holds label embeddings of other labels (" + r.labels().size()
                    + " recorded, " + labels.size() + " now): resume with the same dataset, or use another output"
                    + " folder");
        }
        String sha = Checksums.sha256(file);
        if (!sha.equals(r.sha256())) {
            throw new IOException(file + " changed since it was written: its SHA-256 is " + sha + ", its record "
                    + EmbeddingRecord.of(file).getFileName() + " says " + r.sha256());
        }
        return new LabelEmbeddingFile(file, encoder, r.dimension(), Pooling.parse(r.pooling()), sha, List.of(), true);
    }

    /** Non-empty, no blank and no repeated text; {@code what} names them in the message. */
    static void checkTexts(List<String> texts, String what) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no " + what + "s given");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException(what + " " + i + " is empty");
            }
            if (!seen.add(t)) {
                throw new IllegalArgumentException(what + " '" + t + "' is given twice");
            }
        }
    }
}
