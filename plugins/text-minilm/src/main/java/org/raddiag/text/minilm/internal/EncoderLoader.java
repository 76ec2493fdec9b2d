package org.raddiag.text.minilm.internal;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.raddiag.api.text.Pooling;
import org.raddiag.support.engine.CommandLineLimit;

/** Opens an {@link OnnxTextEncoder} from the plugin's own MiniLM resources or from a user's folder. */
final class EncoderLoader {
    static final String MINILM = "all-minilm-l6-v2";
    static final String MINILM_MODEL = "/minilm/all-minilm-l6-v2.onnx";
    static final String MINILM_TOKENIZER = "/minilm/all-minilm-l6-v2-tokenizer.json";
    /** The sentence-transformers max_seq_length of all-MiniLM-L6-v2. */
    static final int MINILM_MAX_TOKENS = 256;
    static final String MODEL_FILE = "model.onnx";
    static final String TOKENIZER_FILE = "tokenizer.json";

    private EncoderLoader() {
    }

    /** Settings every encoder takes (component properties of the same names). */
    record Settings(Pooling pooling, int maxTokens, int batchSize, int threads) {
    }

    /** The built-in all-MiniLM-L6-v2 (mean pooling unless {@code settings} say otherwise). */
    static OnnxTextEncoder minilm(Settings s) throws IOException {
        byte[] model;
        try (InputStream in = resource(MINILM_MODEL)) {
            model = in.readAllBytes();
        }
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = resource(MINILM_TOKENIZER)) {
            tokenizer = Tokenizers.fromStream(in, MINILM_TOKENIZER, s.maxTokens());
        }
        return new OnnxTextEncoder(MINILM, tokenizer, session(model, null, s, MINILM_MODEL, tokenizer), s.pooling(),
                s.maxTokens(), s.batchSize(), MINILM_MODEL);
    }

    /**
     * The encoder of {@code folder} ({@code model.onnx} + {@code tokenizer.json}); an IOException naming the folder
     * and the missing or bad file otherwise. Nothing native is touched before both files are found.
     */
    static OnnxTextEncoder folder(String name, Path folder, Settings s) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a folder (text encoder '" + name + "' needs a folder with "
                    + MODEL_FILE + " and " + TOKENIZER_FILE + ")");
        }
        Path model = folder.resolve(MODEL_FILE);
        Path tok = folder.resolve(TOKENIZER_FILE);
        for (Path p : new Path[] {model, tok}) {
            if (!Files.isRegularFile(p)) {
                throw new IOException(folder + ": no " + p.getFileName() + " (text encoder '" + name + "' needs "
                        + MODEL_FILE + " and " + TOKENIZER_FILE + ")");
            }
        }
        HuggingFaceTokenizer tokenizer = Tokenizers.fromFile(tok, s.maxTokens());
        return new OnnxTextEncoder(name, tokenizer, session(null, model, s, model.toString(), tokenizer), s.pooling(),
                s.maxTokens(), s.batchSize(), folder.toString());
    }

    private static OrtSession session(byte[] bytes, Path file, Settings s, String source,
            HuggingFaceTokenizer tokenizer) throws IOException {
        try {
            // the engine bundle normally loads the natives first, but nothing orders it before this plugin
            CommandLineLimit.check("ONNX Runtime", CommandLineLimit.ONNX_RUNTIME_MAX_BYTES);
        } catch (IllegalStateException e) {
            tokenizer.close();
            throw new IOException(source + ": " + e.getMessage(), e);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(s.threads());
            o.setInterOpNumThreads(1);
            return bytes != null ? env.createSession(bytes, o) : env.createSession(file.toString(), o);
        } catch (OrtException | RuntimeException e) {
            tokenizer.close();
            throw new IOException(source + ": ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = EncoderLoader.class.getResourceAsStream(path);
        if (in == null) {
            throw new IOException("the plugin is missing its resource " + path + " (a broken build)");
        }
        return in;
    }

    /** A positive int property, or {@code fallback} when absent; IllegalArgumentException naming the key. */
    static int intProperty(java.util.Map<String, ?> props, String key, int fallback) {
        Object v = props.get(key);
        if (v == null || v.toString().isBlank()) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.toString().trim());
            if (i < 1) {
                throw new NumberFormatException();
            }
            return i;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a positive whole number, not '" + v + "'");
        }
    }

    /** The settings in component properties {@code pooling}, {@code maxTokens}, {@code batchSize}, {@code threads}. */
    static Settings settings(java.util.Map<String, ?> props, int defaultMaxTokens) {
        Object p = props.get("pooling");
        Pooling pooling = p == null || p.toString().isBlank() ? Pooling.MEAN : Pooling.parse(p.toString());
        return new Settings(pooling, intProperty(props, "maxTokens", defaultMaxTokens),
                intProperty(props, "batchSize", 64), intProperty(props, "threads", 2));
    }
}
