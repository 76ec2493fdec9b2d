package org.raddiag.knowledge.internal;

import java.util.List;

/**
 * ICD-code retrieval of held-out disorders: for each query, the labelled disorders (the training disorders) are
 * ranked by cosine similarity (dot product of unit vectors; ties by index). Top-k: a disorder with the query's code
 * is among the k nearest; reciprocal rank: 1 / the rank of the first such disorder.
 *
 * @param queries number of queries
 * @param top1    fraction whose nearest labelled disorder has the same code
 * @param top5    fraction with a same-code disorder among the 5 nearest
 * @param mrr     mean reciprocal rank of the first same-code disorder
 */
public record Retrieval(int queries, double top1, double top5, double mrr) {

    /**
     * @param query       the held-out vectors (unit length)
     * @param queryCodes  their codes
     * @param labelled    the labelled vectors (unit length)
     * @param labelCodes  their codes
     * @throws IllegalArgumentException when a query's code has no labelled disorder (it could never be found)
     */
    public static Retrieval evaluate(float[][] query, List<String> queryCodes, float[][] labelled,
            List<String> labelCodes) {
        if (query.length == 0) {
            return new Retrieval(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double top1 = 0;
        double top5 = 0;
        double rr = 0;
        for (int q = 0; q < query.length; q++) {
            String code = queryCodes.get(q);
            double bestSame = Double.NEGATIVE_INFINITY;
            int bestSameIndex = -1;
            float[] sims = new float[labelled.length];
            for (int j = 0; j < labelled.length; j++) {
                sims[j] = dot(query[q], labelled[j]);
                if (labelCodes.get(j).equals(code) && sims[j] > bestSame) {
                    bestSame = sims[j];
                    bestSameIndex = j;
                }
            }
            if (bestSameIndex < 0) {
                throw new IllegalArgumentException("held-out disorder " + q + " (code " + code
                        + ") has no labelled disorder with its code");
            }
            // rank of the best same-code disorder: 1 + the disorders ranked before it (higher, or equal and earlier)
            int rank = 1;
            for (int j = 0; j < labelled.length; j++) {
                if (sims[j] > bestSame || (sims[j] == bestSame && j < bestSameIndex)) {
                    rank++;
                }
            }
            top1 += rank == 1 ? 1 : 0;
            top5 += rank <= 5 ? 1 : 0;
            rr += 1.0 / rank;
        }
        return new Retrieval(query.length, top1 / query.length, top5 / query.length, rr / query.length);
    }

    static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
