package org.raddiag.knowledge.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;

/**
 * The trained part of a knowledge encoder: a residual MLP on the frozen encoder's pooled embedding,
 * {@code z = normalise(e + W2 relu(W1 e + b1) + b2)}. {@code W2} and {@code b2} start at zero, so the untrained
 * adapter is exactly the identity (the knowledge encoder starts as its base encoder). Row-major float arrays;
 * {@link #apply} is the plain-Java forward the published encoder uses (no engine needed to embed).
 *
 * @param dim    the base encoder's dimension
 * @param hidden the hidden width
 * @param w1     {@code hidden x dim}
 * @param b1     {@code hidden}
 * @param w2     {@code dim x hidden}
 * @param b2     {@code dim}
 */
public record Adapter(int dim, int hidden, float[] w1, float[] b1, float[] w2, float[] b2) {
    static final String W1 = "fc1.weight";
    static final String B1 = "fc1.bias";
    static final String W2 = "fc2.weight";
    static final String B2 = "fc2.bias";

    public Adapter {
        if (w1.length != hidden * dim || b1.length != hidden || w2.length != dim * hidden || b2.length != dim) {
            throw new IllegalArgumentException("adapter tensors do not fit dim " + dim + " and hidden " + hidden);
        }
    }

    /** The identity adapter: {@code W1} Xavier-uniform from {@code seed}, the rest zero. */
    static Adapter initial(int dim, int hidden, long seed) {
        Random r = new Random(seed);
        float bound = (float) Math.sqrt(6.0 / (dim + hidden));
        float[] w1 = new float[hidden * dim];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (r.nextFloat() * 2 - 1) * bound;
        }
        return new Adapter(dim, hidden, w1, new float[hidden], new float[dim * hidden], new float[dim]);
    }

    /** The adapted, L2-normalised vectors of {@code e} (each of length {@link #dim}). */
    public float[][] apply(float[][] e) {
        float[][] out = new float[e.length][];
        float[] h = new float[hidden];
        for (int n = 0; n < e.length; n++) {
            float[] x = e[n];
            if (x.length != dim) {
                throw new IllegalArgumentException("embedding " + n + " has " + x.length + " values, the adapter "
                        + dim);
            }
            for (int i = 0; i < hidden; i++) {
                float s = b1[i];
                for (int j = 0, o = i * dim; j < dim; j++) {
                    s += w1[o + j] * x[j];
                }
                h[i] = Math.max(0f, s);
            }
            float[] z = new float[dim];
            double norm = 0;
            for (int i = 0; i < dim; i++) {
                float s = x[i] + b2[i];
                for (int j = 0, o = i * hidden; j < hidden; j++) {
                    s += w2[o + j] * h[j];
                }
                z[i] = s;
                norm += (double) s * s;
            }
            float inv = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
            for (int i = 0; i < dim; i++) {
                z[i] *= inv;
            }
            out[n] = z;
        }
        return out;
    }

    /** The four tensors, under PyTorch-like names (also the checkpoint's parameter part). */
    StateDict toStateDict() {
        return new StateDict()
                .put(W1, TensorData.ofFloats(w1.clone(), hidden, dim))
                .put(B1, TensorData.ofFloats(b1.clone(), hidden))
                .put(W2, TensorData.ofFloats(w2.clone(), dim, hidden))
                .put(B2, TensorData.ofFloats(b2.clone(), dim));
    }

    /** Reads the tensors of {@link #toStateDict} (shapes checked; extra keys ignored). */
    static Adapter fromStateDict(StateDict sd) throws IOException {
        TensorData w1 = sd.get(W1);
        if (w1 == null || w1.rank() != 2) {
            throw new IOException("no 2-d " + W1 + " tensor");
        }
        int hidden = (int) w1.shape()[0];
        int dim = (int) w1.shape()[1];
        try {
            return new Adapter(dim, hidden, w1.floats(), sd.require(B1, hidden).floats(),
                    sd.require(W2, dim, hidden).floats(), sd.require(B2, dim).floats());
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Writes the adapter atomically and durably as safetensors with {@code metadata}. */
    void save(Path file, Map<String, String> metadata) throws IOException {
        SafetensorsFile.write(file, toStateDict(), metadata);
    }

    /** Reads an adapter written by {@link #save}; errors name the file. */
    static Adapter load(Path file) throws IOException {
        try {
            return fromStateDict(SafetensorsFile.read(file));
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
