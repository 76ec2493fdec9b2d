package org.raddiag.core.knowledge;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.api.text.LabelEmbeddingFile;

/**
 * A knowledge-head model seen with other label texts as its classes: the same weights (so the same {@code fcke}
 * projection), the class matrix built from the texts' embeddings, so the scores are
 * {@code sigmoid(x . (E_new W^T + b))} as in the reference. Thresholds are 0.5 (nothing was fitted for the texts).
 */
record ZeroShotPackage(ModelRef ref, ArchitectureConfig architecture, LabelSet labels, double[] thresholds,
        Path weights, Map<String, String> provenance) implements ModelPackage {
    private static final String KNOWLEDGE_HEAD = "knowledge";

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /**
     * The text encoder {@code model} records for its knowledge head.
     *
     * @throws IllegalArgumentException when it has no knowledge head or records no encoder
     */
    static String encoderOf(ModelPackage model) {
        ArchitectureConfig arch = model.architecture();
        String head = arch.get(ArchitectureConfig.HEAD, "mlp");
        if (!head.equals(KNOWLEDGE_HEAD)) {
            throw new IllegalArgumentException("model " + model.ref() + " has no knowledge head (head=" + head
                    + "): zero-shot labels need a model trained with --set head=knowledge --set text_encoder=NAME");
        }
        String encoder = arch.get(KnowledgeLabels.ENCODER, null);
        if (encoder == null) {
            throw new IllegalArgumentException("model " + model.ref() + " records no text encoder (its label "
                    + "embeddings came from a file): zero-shot labels need a model trained with --set "
                    + "text_encoder=NAME");
        }
        return encoder;
    }

    /**
     * {@code model} with {@code texts} as classes, embedded into {@code embeddings}; {@code key} (a digest of the
     * encoder and texts) tells views of one model apart.
     *
     * @throws IllegalArgumentException when the encoder's dimension is not the one the model was trained with
     */
    static ZeroShotPackage of(ModelPackage model, List<String> texts, LabelEmbeddingFile embeddings, String key) {
        ArchitectureConfig arch = model.architecture();
        String trainedDim = arch.get(KnowledgeLabels.ENCODER_DIMENSION, null);
        if (trainedDim != null && Integer.parseInt(trainedDim.trim()) != embeddings.dimension()) {
            throw new IllegalArgumentException("text encoder '" + embeddings.encoder() + "' now gives "
                    + embeddings.dimension() + "-dimensional embeddings, model " + model.ref() + " was trained with "
                    + trainedDim);
        }
        Map<String, String> a = new LinkedHashMap<>(arch.asMap());
        a.putAll(embeddings.settings(embeddings.file().toString()));
        a.put(ArchitectureConfig.CLASSES, Integer.toString(texts.size()));
        double[] thresholds = new double[texts.size()];
        Arrays.fill(thresholds, 0.5);
        Map<String, String> provenance = new LinkedHashMap<>(model.provenance());
        provenance.put("zero_shot_of", model.ref().toString());
        ModelRef ref = new ModelRef(model.ref().name(), model.ref().version() + "+zero-shot." + key);
        return new ZeroShotPackage(ref, new ArchitectureConfig(a), new LabelSet("zero-shot", texts, texts.size(), 0),
                thresholds, model.weights(), provenance);
    }
}
