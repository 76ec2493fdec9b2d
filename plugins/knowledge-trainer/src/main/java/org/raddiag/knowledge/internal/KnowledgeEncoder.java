package org.raddiag.knowledge.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.raddiag.api.text.Pooling;
import org.raddiag.api.text.TextEmbeddings;
import org.raddiag.api.text.TextEncoder;

/**
 * A knowledge-trained text encoder: its base encoder's embeddings through the trained {@link Adapter}. Name
 * {@code knowledge:NAME}; dimension, token limit and pooling are the base encoder's. The base encoder is only
 * obtained (its model loaded) when this one first embeds.
 */
final class KnowledgeEncoder implements TextEncoder {
    private final KnowledgeModel model;
    private final Supplier<TextEncoder> base;

    KnowledgeEncoder(KnowledgeModel model, Supplier<TextEncoder> base) {
        this.model = model;
        this.base = base;
    }

    @Override
    public String name() {
        return KnowledgeModel.encoderName(model.name());
    }

    @Override
    public int dimension() {
        return model.adapter().dim();
    }

    @Override
    public int maxTokens() {
        return model.maxTokens();
    }

    @Override
    public Pooling pooling() {
        return model.pooling();
    }

    @Override
    public TextEmbeddings embed(List<String> texts) throws IOException {
        TextEncoder b = base.get();
        if (b == null) {
            throw new IOException(name() + ": its base encoder " + model.base() + " is not available");
        }
        if (b.dimension() != model.adapter().dim()) {
            throw new IOException(model.folder() + ": the adapter takes " + model.adapter().dim()
                    + " values, encoder " + b.name() + " gives " + b.dimension());
        }
        TextEmbeddings e = b.embed(texts);
        return new TextEmbeddings(model.adapter().apply(e.vectors()), e.warnings());
    }
}
