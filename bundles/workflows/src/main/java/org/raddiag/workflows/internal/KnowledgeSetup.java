package org.raddiag.workflows.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.api.text.LabelEmbeddingFile;
import org.raddiag.api.train.DatasetSource;

/**
 * The workflow's own training settings, taken out before the trainer sees the rest:
 * <ul>
 * <li>{@code text_encoder=NAME} (with {@code head=knowledge} and no {@code head.embeddings}): the dataset's label
 * names, in label order, are embedded by that text encoder into {@value #FILE} in the run folder (reused as it is
 * when the run resumes), and the package carries that file with the encoder's name, dimension, pooling and the
 * file's SHA-256 in its architecture, so it needs no encoder to diagnose, serve or export.</li>
 * <li>{@code withhold=LABEL;LABEL}: trains without those labels ({@link WithheldLabels}), e.g. to measure zero-shot
 * scores of labels the model never saw.</li>
 * </ul>
 */
final class KnowledgeSetup {
    static final String TEXT_ENCODER = "text_encoder";
    static final String WITHHOLD = "withhold";
    /** The label embeddings' file name, in the run folder and in the package. */
    static final String FILE = "label-embeddings.npy";

    private final Map<String, String> settings;
    private final DatasetSource data;
    private final LabelEmbeddingFile embeddings;
    private final String withheld;

    private KnowledgeSetup(Map<String, String> settings, DatasetSource data, LabelEmbeddingFile embeddings,
            String withheld) {
        this.settings = settings;
        this.data = data;
        this.embeddings = embeddings;
        this.withheld = withheld;
    }

    /**
     * Takes {@code text_encoder} and {@code withhold} out of {@code settings}, embeds the labels when asked.
     *
     * @throws IllegalArgumentException for a combination that cannot work (naming the settings) or an unknown encoder
     */
    static KnowledgeSetup prepare(Map<String, String> settings, DatasetSource data, Path runDir,
            KnowledgeLabels knowledge, PrintStream out) throws IOException {
        Map<String, String> s = new LinkedHashMap<>(settings);
        String encoder = blankToNull(s.remove(TEXT_ENCODER));
        String withhold = blankToNull(s.remove(WITHHOLD));
        DatasetSource d = withhold == null ? data : WithheldLabels.of(data, withhold);
        if (withhold != null) {
            out.println("withheld labels (not trained): " + withhold + "; " + d.labels().size() + " labels remain");
        }
        check(s, encoder, knowledge);
        LabelEmbeddingFile e = null;
        if (encoder != null) {
            e = knowledge.embed(encoder, d.labels().labels(), runDir.resolve(FILE));
            s.putAll(e.settings(e.file().toString()));
            out.printf("label embeddings: %d labels x %d by %s (%s pooling)%s%n", d.labels().size(), e.dimension(),
                    e.encoder(), e.pooling().key(), e.reused() ? ", reused from " + e.file() : "");
            e.warnings().forEach(w -> out.println("  warning: " + w));
        }
        return new KnowledgeSetup(s, d, e, withhold);
    }

    /**
     * Checks the combination of {@code settings} (with {@code text_encoder} and {@code withhold} still in) without
     * embedding anything, as {@link #prepare} would refuse it; whether the encoder is installed is known only when
     * {@link #prepare} embeds (encoders may still be starting).
     *
     * @throws IllegalArgumentException naming the settings
     */
    static void check(Map<String, String> settings, KnowledgeLabels knowledge) {
        String encoder = blankToNull(settings.get(TEXT_ENCODER));
        Map<String, String> s = new LinkedHashMap<>(settings);
        s.remove(TEXT_ENCODER);
        s.remove(WITHHOLD);
        check(s, encoder, knowledge);
    }

    private static void check(Map<String, String> s, String encoder, KnowledgeLabels knowledge) {
        boolean knowledgeHead = "knowledge".equals(s.get(ArchitectureConfig.HEAD));
        boolean file = blankToNull(s.get(KnowledgeLabels.EMBEDDINGS)) != null;
        if (encoder != null && !knowledgeHead) {
            throw new IllegalArgumentException(TEXT_ENCODER + "=" + encoder + " embeds the labels for the knowledge"
                    + " head: add --set head=knowledge");
        }
        if (encoder != null && file) {
            throw new IllegalArgumentException("give either " + TEXT_ENCODER + "=NAME or " + KnowledgeLabels.EMBEDDINGS
                    + "=FILE, not both");
        }
        if (knowledgeHead && !file && encoder == null) {
            throw new IllegalArgumentException("head=knowledge needs its label embeddings: --set " + TEXT_ENCODER
                    + "=NAME (installed text encoders: " + knowledge.encoders() + ") or --set "
                    + KnowledgeLabels.EMBEDDINGS + "=FILE");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The settings for the trainer. */
    Map<String, String> settings() {
        return settings;
    }

    /** The dataset to train on (without the withheld labels). */
    DatasetSource data() {
        return data;
    }

    /** The architecture as the package records it: the label embeddings named relative to the package. */
    ArchitectureConfig packaged(ArchitectureConfig trained) {
        return embeddings == null ? trained : trained.with(KnowledgeLabels.EMBEDDINGS, FILE);
    }

    /** The files the package carries besides its weights. */
    Map<String, Path> files() {
        return embeddings == null ? Map.of() : Map.of(FILE, embeddings.file());
    }

    /** What the package's provenance says about these settings. */
    Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>();
        if (withheld != null) {
            p.put("withheld_labels", withheld);
        }
        if (embeddings != null) {
            p.put("label_embeddings", embeddings.encoder() + ", " + embeddings.dimension() + " dimensions, "
                    + embeddings.pooling().key() + " pooling");
        }
        return p;
    }
}
