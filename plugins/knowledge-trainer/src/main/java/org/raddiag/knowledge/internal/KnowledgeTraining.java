package org.raddiag.knowledge.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;
import org.raddiag.model.blocks.Scalars;

/**
 * Trains an {@link Adapter} on frozen embeddings with the {@link ContrastiveLoss} on DJL (PyTorch). Each epoch
 * shuffles the training disorders (seeded by the seed and the epoch, so a resumed epoch is the same epoch) and
 * pairs every anchor with a random other training disorder of its code (itself when its code has no other); the
 * soft-positive weights of the batch's anchor-partner pairs are the targets. The frozen embeddings get a little
 * Gaussian noise in training (an augmentation: without it the adapter learns the training names and retrieval of
 * held-out names gets worse). After each epoch the adapter, Adam's
 * state and the loss history are written atomically to one checkpoint file, from which an interrupted run resumes
 * with the same result as an uninterrupted one.
 */
public final class KnowledgeTraining {
    static final String CHECKPOINT = "checkpoint.safetensors";
    private static final String M = "adam.m.";
    private static final String V = "adam.v.";

    /** Called after each epoch's checkpoint is written (progress; a test interrupts the run here). */
    public interface EpochListener {
        void epochDone(int epoch, int epochs, double loss) throws IOException;
    }

    /**
     * @param adapter the trained adapter
     * @param losses  mean training loss of each epoch
     * @param resumedAt epochs already done when this call started (0 for a fresh run)
     */
    public record Trained(Adapter adapter, List<Double> losses, int resumedAt) {
    }

    private KnowledgeTraining() {
    }

    /**
     * Trains (or resumes from {@code runDir}'s checkpoint) on the disorders {@code train} of {@code k}, whose frozen
     * embeddings are {@code base} (indexed like {@code k}).
     */
    public static Trained run(KnowledgeSpec spec, IcdKnowledge k, int[] train, float[][] base, Path runDir,
            EpochListener listener) throws IOException {
        int dim = base[0].length;
        Path checkpoint = runDir.resolve(CHECKPOINT);
        Adapter adapter = Adapter.initial(dim, spec.hidden(), spec.seed());
        Adam adam = new Adam(spec.weightDecay());
        List<Double> losses = new ArrayList<>();
        if (Files.isRegularFile(checkpoint)) {
            StateDict sd = SafetensorsFile.read(checkpoint);
            adapter = Adapter.fromStateDict(sd);
            if (adapter.dim() != dim || adapter.hidden() != spec.hidden()) {
                throw new IOException(checkpoint + ": the adapter is " + adapter.dim() + " x " + adapter.hidden()
                        + ", this run needs " + dim + " x " + spec.hidden());
            }
            Map<String, float[]> m = new LinkedHashMap<>();
            Map<String, float[]> v = new LinkedHashMap<>();
            for (String key : sd.keys()) {
                if (key.startsWith(M)) {
                    m.put(key.substring(M.length()), sd.get(key).floats());
                } else if (key.startsWith(V)) {
                    v.put(key.substring(V.length()), sd.get(key).floats());
                }
            }
            adam.restore(Long.parseLong(sd.metadata().getOrDefault("step", "0")), m, v);
            String history = sd.metadata().getOrDefault("losses", "");
            for (String l : history.isEmpty() ? new String[0] : history.split(",")) {
                losses.add(Double.parseDouble(l));
            }
        }
        int resumedAt = losses.size();
        Map<String, float[]> params = params(adapter);
        Map<String, Boolean> decay = Map.of(Adapter.W1, true, Adapter.W2, true, Adapter.B1, false, Adapter.B2, false);
        Map<String, List<Integer>> byCode = new HashMap<>();
        for (int i : train) {
            byCode.computeIfAbsent(k.codes().get(i), c -> new ArrayList<>()).add(i);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int epoch = resumedAt; epoch < spec.epochs(); epoch++) {
                Random rng = new Random(spec.seed() * 1_000_003L + epoch);
                List<Integer> order = new ArrayList<>();
                for (int i : train) {
                    order.add(i);
                }
                Collections.shuffle(order, rng);
                double sum = 0;
                int steps = 0;
                for (int start = 0; start < order.size(); start += spec.batch()) {
                    int b = Math.min(spec.batch(), order.size() - start);
                    if (b < 2) {
                        break; // a lone anchor has nothing to be contrasted with
                    }
                    int[] anchors = new int[b];
                    int[] partners = new int[b];
                    for (int i = 0; i < b; i++) {
                        anchors[i] = order.get(start + i);
                        partners[i] = partner(anchors[i], byCode.get(k.codes().get(anchors[i])), rng);
                    }
                    float[] weights = SoftPositives.matrix(k, anchors, partners);
                    Map<String, float[]> grads = new HashMap<>();
                    sum += step(manager, adapter, params, rows(base, anchors, spec.noise(), rng),
                            rows(base, partners, spec.noise(), rng), weights, b,
                            spec.temperature(), grads);
                    steps++;
                    adam.update(spec.lr(), params, grads, decay);
                }
                losses.add(sum / Math.max(1, steps));
                save(checkpoint, adapter, adam, losses);
                listener.epochDone(epoch + 1, spec.epochs(), losses.get(losses.size() - 1));
            }
        }
        return new Trained(adapter, List.copyOf(losses), resumedAt);
    }

    /** The loss of one batch; fills {@code grads} with the gradient of each parameter. */
    static float step(NDManager parent, Adapter a, Map<String, float[]> params, float[] anchors, float[] partners,
            float[] weights, int b, float temperature, Map<String, float[]> grads) {
        try (NDManager m = parent.newSubManager()) {
            NDArray w1 = m.create(params.get(Adapter.W1), new Shape(a.hidden(), a.dim()));
            NDArray b1 = m.create(params.get(Adapter.B1), new Shape(a.hidden()));
            NDArray w2 = m.create(params.get(Adapter.W2), new Shape(a.dim(), a.hidden()));
            NDArray b2 = m.create(params.get(Adapter.B2), new Shape(a.dim()));
            NDArray[] all = {w1, b1, w2, b2};
            for (NDArray p : all) {
                p.setRequiresGradient(true);
            }
            NDArray x = m.create(anchors, new Shape(b, a.dim()));
            NDArray y = m.create(partners, new Shape(b, a.dim()));
            NDArray w = m.create(weights, new Shape(b, b));
            float value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = ContrastiveLoss.compute(forward(x, w1, b1, w2, b2), forward(y, w1, b1, w2, b2), w,
                        temperature);
                gc.backward(loss);
                value = loss.getFloat();
            }
            if (!Float.isFinite(value)) {
                throw new IllegalStateException("the contrastive loss is not finite (" + value + ")");
            }
            String[] names = {Adapter.W1, Adapter.B1, Adapter.W2, Adapter.B2};
            for (int i = 0; i < all.length; i++) {
                grads.put(names[i], all[i].getGradient().toFloatArray());
            }
            return value;
        }
    }

    /** The adapter on DJL: the same function as {@link Adapter#apply}. */
    static NDArray forward(NDArray e, NDArray w1, NDArray b1, NDArray w2, NDArray b2) {
        NDArray h = Activation.relu(e.matMul(w1.transpose()).add(b1));
        NDArray z = e.add(h.matMul(w2.transpose())).add(b2);
        return z.div(Scalars.atLeast(z.square().sum(new int[] {1}, true).sqrt(), 1e-12f));
    }

    private static int partner(int anchor, List<Integer> sameCode, Random rng) {
        if (sameCode.size() < 2) {
            return anchor;
        }
        int p = sameCode.get(rng.nextInt(sameCode.size() - 1));
        return p == anchor ? sameCode.get(sameCode.size() - 1) : p;
    }

    /** The embeddings of {@code idx} as one row-major array, each value plus Gaussian noise of sd {@code noise}. */
    private static float[] rows(float[][] base, int[] idx, float noise, Random rng) {
        int d = base[0].length;
        float[] flat = new float[idx.length * d];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(base[idx[i]], 0, flat, i * d, d);
        }
        if (noise > 0) {
            for (int i = 0; i < flat.length; i++) {
                flat[i] += (float) rng.nextGaussian() * noise;
            }
        }
        return flat;
    }

    /** The adapter's arrays by name; the adapter shares them, so Adam's in-place update trains it. */
    private static Map<String, float[]> params(Adapter a) {
        Map<String, float[]> p = new LinkedHashMap<>();
        p.put(Adapter.W1, a.w1());
        p.put(Adapter.B1, a.b1());
        p.put(Adapter.W2, a.w2());
        p.put(Adapter.B2, a.b2());
        return p;
    }

    private static void save(Path file, Adapter a, Adam adam, List<Double> losses) throws IOException {
        StateDict sd = a.toStateDict();
        adam.firstMoments().forEach((k, v) -> sd.put(M + k, TensorData.ofFloats(v.clone(), v.length)));
        adam.secondMoments().forEach((k, v) -> sd.put(V + k, TensorData.ofFloats(v.clone(), v.length)));
        StringBuilder history = new StringBuilder();
        for (double l : losses) {
            history.append(history.length() == 0 ? "" : ",").append(l);
        }
        SafetensorsFile.write(file, sd, Map.of("epochs", String.valueOf(losses.size()), "step",
                String.valueOf(adam.step()), "losses", history.toString()));
    }
}
