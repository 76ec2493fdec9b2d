package org.raddiag.core.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.CollectionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.api.text.LabelEmbeddingFile;
import org.raddiag.api.text.TextEncoder;
import org.raddiag.support.files.DurableFiles;
import org.raddiag.support.files.ScratchFolders;

/**
 * {@link KnowledgeLabels} over the installed {@link TextEncoder} services, chosen by {@link TextEncoder#ENCODER}
 * (highest service ranking among several of one name). Encoders are fetched only when something is embedded (the
 * MiniLM plugin loads its model on first use). Zero-shot embeddings go to a temporary folder of this service, one
 * file per encoder and text list, removed when the service stops.
 */
@Component(service = KnowledgeLabels.class)
public final class KnowledgeLabelsService implements KnowledgeLabels {
    /** How long an embed waits for the named encoder to register (the runtime may still be starting). */
    static final long ENCODER_WAIT_MS = 10_000;

    @Reference(service = TextEncoder.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            fieldOption = FieldOption.UPDATE, collectionType = CollectionType.SERVICEOBJECTS)
    private final List<ComponentServiceObjects<TextEncoder>> encoders = new CopyOnWriteArrayList<>();

    private Path zeroShotDir;

    @Deactivate
    synchronized void deactivate() throws IOException {
        if (zeroShotDir != null) {
            DurableFiles.deleteTree(zeroShotDir);
            zeroShotDir = null;
        }
    }

    @Override
    public Set<String> encoders() {
        Set<String> names = new TreeSet<>();
        for (ComponentServiceObjects<TextEncoder> c : encoders) {
            ServiceReference<TextEncoder> r = c.getServiceReference();
            if (r != null) {
                names.add(String.valueOf(r.getProperty(TextEncoder.ENCODER)));
            }
        }
        return names;
    }

    @Override
    public List<String> readLabels(Path file) throws IOException {
        return LabelsFile.read(file);
    }

    @Override
    public LabelEmbeddingFile embed(String encoder, List<String> labels, Path file) throws IOException {
        LabelEmbeddingWriter.checkTexts(labels, "label");
        EmbeddingRecord existing = LabelEmbeddingWriter.existing(file);
        if (existing != null) {
            return LabelEmbeddingWriter.reuse(existing, encoder, labels, file);
        }
        return write(encoder, labels, file);
    }

    @Override
    public LabelEmbeddingFile write(String encoder, List<String> labels, Path file) throws IOException {
        LabelEmbeddingWriter.checkTexts(labels, "label");
        ComponentServiceObjects<TextEncoder> cso = await(encoder);
        TextEncoder e = cso.getService();
        if (e == null) {
            throw new IllegalArgumentException("text encoder '" + encoder + "' could not start (see the log)");
        }
        try {
            return LabelEmbeddingWriter.write(e, encoder, labels, file);
        } finally {
            cso.ungetService(e);
        }
    }

    @Override
    public ModelPackage zeroShot(ModelPackage model, List<String> texts) throws IOException {
        String encoder = ZeroShotPackage.encoderOf(model);
        LabelEmbeddingWriter.checkTexts(texts, "zero-shot label");
        String key = digest(encoder + "\n" + String.join("\n", texts)).substring(0, 16);
        Path file = zeroShotDir().resolve(key + ".npy");
        return ZeroShotPackage.of(model, texts, embed(encoder, texts, file), key);
    }

    private synchronized Path zeroShotDir() throws IOException {
        if (zeroShotDir == null) {
            zeroShotDir = ScratchFolders.create("raddiag-zero-shot-");
        }
        return zeroShotDir;
    }

    /** The encoder named {@code name} with the highest rank, waiting a little for one to be registered. */
    private ComponentServiceObjects<TextEncoder> await(String name) throws IOException {
        long deadline = System.nanoTime() + ENCODER_WAIT_MS * 1_000_000;
        while (true) {
            ComponentServiceObjects<TextEncoder> best = null;
            for (ComponentServiceObjects<TextEncoder> c : new ArrayList<>(encoders)) {
                ServiceReference<TextEncoder> r = c.getServiceReference();
                if (r != null && name.equals(String.valueOf(r.getProperty(TextEncoder.ENCODER)))
                        && (best == null || r.compareTo(best.getServiceReference()) > 0)) {
                    best = c;
                }
            }
            if (best != null) {
                return best;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalArgumentException("no text encoder '" + name + "' is installed (installed: "
                        + encoders() + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for text encoder '" + name + "'", e);
            }
        }
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
