package org.raddiag.text.minilm.internal;

import java.io.IOException;
import java.util.List;
import org.raddiag.api.text.Pooling;
import org.raddiag.api.text.TextEmbeddings;
import org.raddiag.api.text.TextEncoder;

/**
 * What both encoder components publish: the {@link OnnxTextEncoder} they loaded, as the service. The components
 * differ only in where the model comes from and how it is configured.
 */
abstract class OnnxEncoderService implements TextEncoder {
    private final OnnxTextEncoder encoder;

    OnnxEncoderService(OnnxTextEncoder encoder) {
        this.encoder = encoder;
    }

    /** Releases the ONNX Runtime session and the tokenizer (the component's deactivation). */
    final void close() {
        encoder.close();
    }

    @Override
    public String name() {
        return encoder.name();
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public int maxTokens() {
        return encoder.maxTokens();
    }

    @Override
    public Pooling pooling() {
        return encoder.pooling();
    }

    @Override
    public TextEmbeddings embed(List<String> texts) throws IOException {
        return encoder.embed(texts);
    }
}
