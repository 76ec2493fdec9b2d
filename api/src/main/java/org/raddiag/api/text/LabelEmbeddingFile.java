package org.raddiag.api.text;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A label embeddings file written (or reused) by {@link KnowledgeLabels#embed}, with what made it.
 *
 * @param warnings the encoder's warnings (e.g. a label cut at the token limit); empty when reused
 * @param reused   whether an existing file was reused instead of computed
 */
public record LabelEmbeddingFile(Path file, String encoder, int dimension, Pooling pooling, String sha256,
        List<String> warnings, boolean reused) {
    public LabelEmbeddingFile {
        warnings = List.copyOf(warnings);
    }

    /** The architecture settings of a knowledge head that reads this file as {@code embeddingsPath}. */
    public Map<String, String> settings(String embeddingsPath) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KnowledgeLabels.EMBEDDINGS, embeddingsPath);
        m.put(KnowledgeLabels.EMBEDDINGS_SHA256, sha256);
        m.put(KnowledgeLabels.ENCODER, encoder);
        m.put(KnowledgeLabels.ENCODER_DIMENSION, Integer.toString(dimension));
        m.put(KnowledgeLabels.ENCODER_POOLING, pooling.key());
        return m;
    }
}
