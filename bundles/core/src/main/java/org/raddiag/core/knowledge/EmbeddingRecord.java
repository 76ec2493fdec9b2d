package org.raddiag.core.knowledge;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.raddiag.support.files.DurableFiles;

/**
 * What made a label embeddings file, kept next to it as {@code FILE.json}: the encoder, its dimension and pooling,
 * the labels in row order and the file's SHA-256. A resumed run compares it with what it would compute.
 */
record EmbeddingRecord(String encoder, int dimension, String pooling, List<String> labels, String sha256) {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    static Path of(Path embeddings) {
        return embeddings.resolveSibling(embeddings.getFileName() + ".json");
    }

    void write(Path embeddings) throws IOException {
        DurableFiles.writeString(of(embeddings), GSON.toJson(this));
    }

    /** The record of {@code embeddings}, or null when there is none. */
    static EmbeddingRecord read(Path embeddings) throws IOException {
        Path f = of(embeddings);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        EmbeddingRecord r;
        try {
            r = GSON.fromJson(Files.readString(f, StandardCharsets.UTF_8), EmbeddingRecord.class);
        } catch (JsonParseException e) {
            throw new IOException(f + ": not a label embeddings record: " + e.getMessage(), e);
        }
        if (r == null || r.encoder == null || r.labels == null || r.sha256 == null || r.pooling == null) {
            throw new IOException(f + ": not a label embeddings record (encoder, dimension, pooling, labels, sha256)");
        }
        return r;
    }
}
