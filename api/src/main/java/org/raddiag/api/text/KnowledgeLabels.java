package org.raddiag.api.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.raddiag.api.model.ModelPackage;

/**
 * Label embeddings of the knowledge head made by a {@link TextEncoder} chosen by name: what {@code train --set
 * text_encoder=NAME} writes into a model package, and what a zero-shot diagnosis computes for label texts the model
 * never trained on. One platform service over the installed encoders, so that workflows reach encoders and the
 * knowledge head without importing a plugin.
 */
public interface KnowledgeLabels {
    /** Architecture setting: the label embeddings file ({@code .npy}), relative to the package folder. */
    String EMBEDDINGS = "head.embeddings";
    /** Architecture setting: SHA-256 of that file; the knowledge head refuses a file that does not match. */
    String EMBEDDINGS_SHA256 = "head.embeddings.sha256";
    /** Architecture setting: name of the text encoder that made the embeddings (what zero-shot embeds with). */
    String ENCODER = "head.text_encoder";
    /** Architecture setting: that encoder's embedding length. */
    String ENCODER_DIMENSION = "head.text_encoder.dimension";
    /** Architecture setting: that encoder's pooling ({@link Pooling#key()}). */
    String ENCODER_POOLING = "head.text_encoder.pooling";

    /** Names of the text encoders installed now. */
    Set<String> encoders();

    /**
     * Class names from a labels file, in class order: one name per line, or a JSON {@code {name: index}} label
     * dictionary with indices 0..n-1 (the formats {@code embed-labels} reads).
     *
     * @throws IOException naming the file and the line or key that is wrong
     */
    List<String> readLabels(Path file) throws IOException;

    /**
     * Embeds {@code labels} (row i = label i) with the encoder called {@code encoder} and writes them durably as a
     * float32 {@code .npy} at {@code file} (replacing it), with a record of what made it ({@code file} +
     * {@code .json}).
     *
     * @throws IllegalArgumentException when no such encoder is installed (naming the installed ones) or a label is
     *                                  blank or repeated
     * @throws IOException              when the encoder fails or the file cannot be written
     */
    LabelEmbeddingFile write(String encoder, List<String> labels, Path file) throws IOException;

    /**
     * {@link #write}, except that when {@code file} and its record exist already and the record names the same
     * encoder and labels (a resumed run), the file is checked against its recorded SHA-256 and reused, not
     * recomputed.
     *
     * @throws IllegalArgumentException when no such encoder is installed (naming the installed ones), a label is
     *                                  blank, or the existing file was made for other labels or by another encoder
     * @throws IOException              when the encoder fails or the file cannot be written or no longer matches
     */
    LabelEmbeddingFile embed(String encoder, List<String> labels, Path file) throws IOException;

    /**
     * The zero-shot view of a knowledge-head model: the same weights and projection, with {@code texts} as its
     * classes, embedded by the encoder recorded in the package ({@link #ENCODER}); thresholds 0.5.
     *
     * @throws IllegalArgumentException when the model has no knowledge head or records no encoder, the encoder is not
     *                                  installed, or a text is blank or repeated
     * @throws IOException              when the texts cannot be embedded
     */
    ModelPackage zeroShot(ModelPackage model, List<String> texts) throws IOException;
}
