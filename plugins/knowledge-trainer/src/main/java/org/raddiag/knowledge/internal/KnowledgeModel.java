package org.raddiag.knowledge.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.raddiag.api.text.Pooling;
import org.raddiag.api.text.TextEncoder;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.support.home.RaddiagHome;

/**
 * A finished knowledge model: a folder (by default {@code <home>/knowledge/NAME/}) whose
 * {@link #ADAPTER} names its base encoder in its metadata. It is published as the text encoder
 * {@code knowledge:NAME}.
 *
 * @param name    the folder's name
 * @param folder  the folder
 * @param base    the base encoder's {@code raddiag.encoder}
 * @param maxTokens the base encoder's token limit
 * @param pooling the base encoder's pooling
 * @param adapter the trained adapter
 */
public record KnowledgeModel(String name, Path folder, String base, int maxTokens, Pooling pooling, Adapter adapter) {
    /** The trained adapter; written last, so its presence marks a finished model. */
    static final String ADAPTER = "adapter.safetensors";
    /** Metadata key of the adapter file with the base encoder's name. */
    static final String META_BASE = TextEncoder.BASE;
    /** Metadata keys with the base encoder's token limit and pooling (known before the base is started). */
    static final String META_MAX_TOKENS = "raddiag.encoder.maxTokens";
    static final String META_POOLING = "raddiag.encoder.pooling";
    /** What a knowledge model's encoder name starts with. */
    static final String PREFIX = TextEncoder.KNOWLEDGE_PREFIX;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** The folder of the home holding knowledge models. */
    static Path home(RaddiagHome home) {
        return home.root().resolve("knowledge");
    }

    /** {@code knowledge:NAME}. */
    static String encoderName(String name) {
        return PREFIX + name;
    }

    /** Whether {@code name} may name a model (letters, digits, '.', '_', '-'; not starting with a symbol). */
    static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }

    /** Whether {@code folder} holds a finished model. */
    static boolean isFinished(Path folder) {
        return Files.isRegularFile(folder.resolve(ADAPTER));
    }

    /** Reads the finished model in {@code folder}; errors name the file. */
    static KnowledgeModel load(Path folder) throws IOException {
        Path file = folder.resolve(ADAPTER);
        StateDict sd = SafetensorsFile.read(file);
        String base = sd.metadata().get(META_BASE);
        if (base == null || base.isBlank()) {
            throw new IOException(file + ": no " + META_BASE + " in its metadata");
        }
        try {
            Adapter adapter = Adapter.fromStateDict(sd);
            int maxTokens = Integer.parseInt(sd.metadata().getOrDefault(META_MAX_TOKENS, ""));
            Pooling pooling = Pooling.parse(sd.metadata().get(META_POOLING));
            return new KnowledgeModel(folder.getFileName().toString(), folder, base, maxTokens, pooling, adapter);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
