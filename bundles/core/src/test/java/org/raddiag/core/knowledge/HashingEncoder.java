package org.raddiag.core.knowledge;

import java.util.ArrayList;
import java.util.List;
import org.raddiag.api.text.Pooling;
import org.raddiag.api.text.TextEmbeddings;
import org.raddiag.api.text.TextEncoder;

/**
 * A deterministic stand-in for an encoder plugin (core cannot depend on one): character trigram counts hashed into
 * {@code dim} buckets, L2-normalised; counts its calls so tests can tell a reuse from a recomputation.
 */
final class HashingEncoder implements TextEncoder {
    private final int dim;
    int calls;

    HashingEncoder(int dim) {
        this.dim = dim;
    }

    @Override
    public String name() {
        return "hashing";
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public int maxTokens() {
        return 64;
    }

    @Override
    public Pooling pooling() {
        return Pooling.MEAN;
    }

    @Override
    public TextEmbeddings embed(List<String> texts) {
        calls++;
        List<float[]> out = new ArrayList<>();
        for (String t : texts) {
            float[] v = new float[dim];
            String s = "  " + t.toLowerCase() + " ";
            for (int i = 0; i + 3 <= s.length(); i++) {
                v[Math.floorMod(s.substring(i, i + 3).hashCode(), dim)] += 1;
            }
            double n = 0;
            for (float x : v) {
                n += x * x;
            }
            for (int i = 0; i < dim; i++) {
                v[i] /= (float) Math.sqrt(n);
            }
            out.add(v);
        }
        return new TextEmbeddings(out.toArray(new float[0][]), List.of());
    }
}
