package org.raddiag.api.text;

import java.io.IOException;
import java.util.List;

/**
 * A text encoder (e.g. all-MiniLM-L6-v2, BioLORD, MedCPT): a batch of texts in, one L2-normalised embedding per text
 * out. The knowledge head takes its class weights from such embeddings of the disorder names, so a new encoder is
 * a plugin, not a rebuild. Registered with {@code raddiag.kind=text-encoder} and {@code raddiag.encoder=<name>}.
 * Implementations are thread safe and deterministic: the same texts give the same vectors.
 */
public interface TextEncoder {
    /** Value of {@code raddiag.kind} for text encoders. */
    String KIND = "text-encoder";
    /** Service property with the encoder's name, e.g. {@code all-minilm-l6-v2}. */
    String ENCODER = "raddiag.encoder";
    /**
     * What the name of a knowledge-trained encoder starts with: {@code knowledge:MODEL} is the model {@code MODEL}
     * of {@code train-knowledge} (its base encoder plus a trained adapter), usable wherever an encoder is named.
     */
    String KNOWLEDGE_PREFIX = "knowledge:";
    /** Service property of a knowledge-trained encoder: the {@link #ENCODER} name of the encoder it adapts. */
    String BASE = "raddiag.encoder.base";

    /** Name, as in {@link #ENCODER}. */
    String name();

    /** Length of each embedding vector. */
    int dimension();

    /** Most tokens (special tokens included) a text may have; longer texts are truncated with a warning. */
    int maxTokens();

    /** How token states become one vector. */
    Pooling pooling();

    /**
     * Embeds {@code texts} (in batches of the encoder's choosing).
     *
     * @throws IllegalArgumentException for an empty or blank text, naming its index; nothing is run then
     * @throws IOException when the model fails to run
     */
    TextEmbeddings embed(List<String> texts) throws IOException;
}
