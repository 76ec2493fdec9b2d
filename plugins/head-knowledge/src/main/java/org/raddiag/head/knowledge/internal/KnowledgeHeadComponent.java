package org.raddiag.head.knowledge.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ClassifierHead;
import org.raddiag.model.assembly.BlockComponent;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.checkpoint.Checksums;
import org.raddiag.onnx.BlockConverter;

/**
 * Head {@code knowledge}: a {@link KnowledgeHeadBlock} whose label embeddings come from the file in the setting
 * {@value #EMBEDDINGS} ({@code .npy}, or {@code .safetensors} with the tensor {@value #KEY}, default the only tensor
 * or {@code embeddings}); a relative path resolves against the setting {@value #BASE_DIR} when present. Rows are
 * L2-normalised first, as the reference does with its text encoder's output ({@value #NORMALIZE}{@code =false}
 * keeps them as stored). When the setting {@value #SHA256} is present (models trained with a text encoder) the file
 * must have that SHA-256. The number of rows must equal {@code classes} when that is set; {@code hidden} sizes the
 * projection. In RadNet its weights are {@code fc.fcke.weight} and {@code fc.fcke.bias}.
 */
@Component(service = ClassifierHead.class, property = {"raddiag.kind=head", "raddiag.head=knowledge"})
public final class KnowledgeHeadComponent extends BlockComponent<KnowledgeHeadBlock> implements ClassifierHead {
    public static final String EMBEDDINGS = KnowledgeLabels.EMBEDDINGS;
    public static final String SHA256 = KnowledgeLabels.EMBEDDINGS_SHA256;
    public static final String KEY = "head.embeddings.key";
    public static final String NORMALIZE = "head.normalize";
    public static final String BASE_DIR = "package.dir";

    public KnowledgeHeadComponent() {
        super("knowledge", KnowledgeHeadBlock.class, Map.of(BlockConverter.class, KnowledgeHeadConverter::new));
    }

    @Override
    protected KnowledgeHeadBlock create(ArchitectureConfig config) {
        return new KnowledgeHeadBlock(embeddings(config), config.getInt(ArchitectureConfig.HIDDEN));
    }

    /**
     * The label embeddings {@code config} names, resolved, read, normalised and checked as described above (shared
     * with the {@link KnowledgeHeadConverter}).
     *
     * @throws IllegalArgumentException naming the file and the reason
     */
    static LabelEmbeddings embeddings(ArchitectureConfig config) {
        Path file = Path.of(config.get(EMBEDDINGS));
        String base = config.get(BASE_DIR, null);
        if (!file.isAbsolute() && base != null) {
            file = Path.of(base).resolve(file);
        }
        LabelEmbeddings e;
        try {
            String sha = config.get(SHA256, null);
            if (sha != null && !Checksums.sha256(file).equalsIgnoreCase(sha.trim())) {
                throw new IllegalArgumentException("label embeddings " + file + " of head 'knowledge' do not match"
                        + " the SHA-256 the model records (" + SHA256 + "=" + sha.trim() + "): the file changed or is"
                        + " corrupt");
            }
            e = LabelEmbeddings.read(file, config.get(KEY, null));
        } catch (IOException ex) {
            throw new IllegalArgumentException("cannot read the label embeddings of head 'knowledge': "
                    + ex.getMessage(), ex);
        }
        if (!"false".equalsIgnoreCase(config.get(NORMALIZE, "true").trim())) {
            e = e.normalized();
        }
        String classes = config.get(ArchitectureConfig.CLASSES, null);
        if (classes != null && Integer.parseInt(classes.trim()) != e.classes()) {
            throw new IllegalArgumentException("label embeddings " + file + " have " + e.classes()
                    + " rows, the architecture has " + classes + " classes");
        }
        return e;
    }
}
