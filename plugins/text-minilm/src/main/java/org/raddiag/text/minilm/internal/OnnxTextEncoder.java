package org.raddiag.text.minilm.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.raddiag.api.text.Pooling;
import org.raddiag.api.text.TextEmbeddings;
import org.raddiag.api.text.TextEncoder;

/**
 * A BERT-style encoder exported to ONNX ({@code input_ids}, {@code attention_mask}, optional {@code token_type_ids}
 * in; {@code last_hidden_state} out) with its HuggingFace tokenizer. Texts are checked in Java, tokenized, sorted by
 * length into batches (less padding), run, pooled and put back in input order.
 */
final class OnnxTextEncoder implements TextEncoder, AutoCloseable {
    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    static final String LAST_HIDDEN_STATE = "last_hidden_state";

    private final String name;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtSession session;
    private final Pooling pooling;
    private final int maxTokens;
    private final int batchSize;
    private final boolean typeIds;
    private final String output;
    private final int dimension;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    /** Takes ownership of {@code tokenizer} and {@code session} (closed on failure here, and by {@link #close}). */
    OnnxTextEncoder(String name, HuggingFaceTokenizer tokenizer, OrtSession session, Pooling pooling, int maxTokens,
            int batchSize, String source) throws IOException {
        this.name = name;
        this.tokenizer = tokenizer;
        this.session = session;
        this.pooling = pooling;
        this.maxTokens = maxTokens;
        this.batchSize = batchSize;
        try {
            if (maxTokens < 2 || batchSize < 1) {
                throw new IOException(source + ": maxTokens must be at least 2 and batchSize at least 1, got "
                        + maxTokens + " and " + batchSize);
            }
            for (String in : session.getInputNames()) {
                if (!in.equals(INPUT_IDS) && !in.equals(ATTENTION_MASK) && !in.equals(TOKEN_TYPE_IDS)) {
                    throw new IOException(source + ": model input '" + in + "' is not one of " + INPUT_IDS + ", "
                            + ATTENTION_MASK + ", " + TOKEN_TYPE_IDS + " (inputs: " + session.getInputNames() + ")");
                }
            }
            if (!session.getInputNames().containsAll(List.of(INPUT_IDS, ATTENTION_MASK))) {
                throw new IOException(source + ": the model needs inputs " + INPUT_IDS + " and " + ATTENTION_MASK
                        + ", it has " + session.getInputNames());
            }
            this.typeIds = session.getInputNames().contains(TOKEN_TYPE_IDS);
            Map<String, NodeInfo> outs = session.getOutputInfo();
            this.output = outs.containsKey(LAST_HIDDEN_STATE) ? LAST_HIDDEN_STATE : outs.keySet().iterator().next();
            long[] shape = outs.get(output).getInfo() instanceof TensorInfo ti ? ti.getShape() : new long[0];
            if (shape.length != 3) {
                throw new IOException(source + ": output '" + output + "' must be (batch, tokens, hidden), got "
                        + Arrays.toString(shape));
            }
            this.dimension = shape[2] > 0 ? (int) shape[2] : probeDimension();
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e;
        } catch (OrtException e) {
            closeQuietly();
            throw new IOException(source + ": cannot read the model's inputs and outputs: " + e.getMessage(), e);
        }
    }

    private int probeDimension() throws IOException {
        return embedChecked(List.of("a")).vectors()[0].length;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int maxTokens() {
        return maxTokens;
    }

    @Override
    public Pooling pooling() {
        return pooling;
    }

    @Override
    public TextEmbeddings embed(List<String> texts) throws IOException {
        check(texts);
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IOException("text encoder " + name + " is closed (its plugin is stopping)");
            }
            return embedChecked(texts);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Rejects what must not reach the tokenizer: null, empty or blank texts, named by index. */
    static void check(List<String> texts) {
        if (texts == null) {
            throw new IllegalArgumentException("no texts given");
        }
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("text " + i + " is " + (t == null ? "missing" : "empty"));
            }
        }
    }

    private TextEmbeddings embedChecked(List<String> texts) throws IOException {
        int n = texts.size();
        Encoding[] enc = new Encoding[n];
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            enc[i] = tokenizer.encode(texts.get(i));
            if (enc[i].exceedMaxLength()) {
                warnings.add("text " + i + " ('" + abbreviate(texts.get(i)) + "') is longer than " + maxTokens
                        + " tokens; truncated");
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> enc[i].getIds().length));
        float[][] vectors = new float[n][];
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            Encoding[] batch = new Encoding[end - start];
            for (int k = start; k < end; k++) {
                batch[k - start] = enc[order[k]];
            }
            float[][] pooled = run(batch);
            for (int k = start; k < end; k++) {
                vectors[order[k]] = pooled[k - start];
            }
        }
        return new TextEmbeddings(vectors, warnings);
    }

    private float[][] run(Encoding[] batch) throws IOException {
        int b = batch.length;
        int t = 0;
        for (Encoding e : batch) {
            t = Math.max(t, e.getIds().length);
        }
        long[] ids = new long[b * t];
        long[] types = new long[b * t];
        long[][] mask = new long[b][t];
        long[] flatMask = new long[b * t];
        for (int i = 0; i < b; i++) {
            long[] id = batch[i].getIds();
            long[] ty = batch[i].getTypeIds();
            long[] am = batch[i].getAttentionMask();
            System.arraycopy(id, 0, ids, i * t, id.length);
            System.arraycopy(ty, 0, types, i * t, ty.length);
            System.arraycopy(am, 0, mask[i], 0, am.length);
            System.arraycopy(am, 0, flatMask, i * t, am.length);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] shape = {b, t};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(INPUT_IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(env, LongBuffer.wrap(flatMask), shape));
            if (typeIds) {
                inputs.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result r = session.run(inputs, java.util.Set.of(output))) {
                OnnxTensor out = (OnnxTensor) r.get(0);
                long[] s = out.getInfo().getShape();
                if (s.length != 3 || s[0] != b || s[1] != t) {
                    throw new IOException("text encoder " + name + ": output " + output + " has shape "
                            + Arrays.toString(s) + ", expected [" + b + ", " + t + ", hidden]");
                }
                FloatBuffer fb = out.getFloatBuffer();
                float[] hidden = new float[fb.remaining()];
                fb.get(hidden);
                return TokenPooling.pool(hidden, b, t, (int) s[2], mask, pooling);
            }
        } catch (OrtException e) {
            throw new IOException("text encoder " + name + " failed to run: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                closeQuietly();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void closeQuietly() {
        try {
            session.close();
        } catch (OrtException | RuntimeException e) {
            // nothing more to free
        }
        tokenizer.close();
    }
}
