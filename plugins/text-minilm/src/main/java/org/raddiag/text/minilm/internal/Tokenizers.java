package org.raddiag.text.minilm.internal;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Creates HuggingFace tokenizers inside OSGi. DJL's {@code LibUtils} looks up {@code native/lib/tokenizers.properties}
 * and {@code libtokenizers.so} through the thread context class loader, and this bundle (not the DJL engine bundle)
 * carries them, so the TCCL is this bundle's loader while the first tokenizer loads the native library.
 */
final class Tokenizers {
    private Tokenizers() {
    }

    /** Options: no padding (batches are padded here), truncation at {@code maxTokens}, special tokens added. */
    static Map<String, String> options(int maxTokens) {
        return Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(maxTokens),
                "addSpecialTokens", "true");
    }

    /** The tokenizer of a {@code tokenizer.json} file; IOException naming the file when it is missing or bad. */
    static HuggingFaceTokenizer fromFile(Path tokenizerJson, int maxTokens) throws IOException {
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new IOException(tokenizerJson + ": no tokenizer file (a text encoder folder needs tokenizer.json)");
        }
        try (InputStream in = Files.newInputStream(tokenizerJson)) {
            return fromStream(in, tokenizerJson.toString(), maxTokens);
        }
    }

    /** The tokenizer read from {@code json}; {@code source} names it in errors. */
    static HuggingFaceTokenizer fromStream(InputStream json, String source, int maxTokens) throws IOException {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(Tokenizers.class.getClassLoader());
        try {
            return HuggingFaceTokenizer.newInstance(json, options(maxTokens));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IOException(source + ": cannot load the tokenizer: " + e, e);
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
