package org.raddiag.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on synthetic frozen embeddings of 300 real disorders: each is its code's direction in 8 of 32 dimensions
 * plus strong per-disorder noise in the other 24, so the raw nearest neighbour is often wrong and an adapter that
 * learns to weigh the code dimensions finds it, also for held-out disorders.
 */
class KnowledgeTrainingTest {
    private static final int DIM = 32;
    private static IcdKnowledge k;
    private static float[][] base;
    private static HoldoutSplit split;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() throws IOException {
        k = IcdKnowledge.bundled().sample(300, 1);
        Random r = new Random(5);
        Map<String, float[]> signal = new HashMap<>();
        base = new float[k.size()][];
        for (int i = 0; i < k.size(); i++) {
            float[] s = signal.computeIfAbsent(k.codes().get(i), c -> gaussian(r, 8, 1));
            float[] e = new float[DIM];
            System.arraycopy(s, 0, e, 0, 8);
            float[] noise = gaussian(r, DIM - 8, 0.9f);
            System.arraycopy(noise, 0, e, 8, DIM - 8);
            base[i] = normalise(e);
        }
        split = HoldoutSplit.of(k, 0.2, 2);
    }

    private static KnowledgeSpec spec(int epochs) {
        return new KnowledgeSpec("synthetic", epochs, 11, 0.2, 0, 64, 3e-3, 1e-4, 64, 0.1f, 0.01f);
    }

    @Test
    void trainingImprovesTheRetrievalOfHeldOutDisorders() throws IOException {
        KnowledgeTraining.Trained t = KnowledgeTraining.run(spec(30), k, split.train(), base, dir, (e, n, l) -> { });
        Retrieval raw = KnowledgeRun.evaluate(k, split, base);
        Retrieval trained = KnowledgeRun.evaluate(k, split, t.adapter().apply(base));
        assertEquals(30, t.losses().size());
        assertTrue(t.losses().get(29) < t.losses().get(0) * 0.8, t.losses().toString());
        assertTrue(trained.mrr() > raw.mrr() + 0.1, raw + " -> " + trained);
        assertTrue(trained.top1() > raw.top1(), raw + " -> " + trained);
    }

    @Test
    void anInterruptedRunResumesToTheSameResult() throws IOException {
        KnowledgeTraining.Trained whole = KnowledgeTraining.run(spec(3), k, split.train(), base,
                Files.createDirectories(dir.resolve("whole")), (e, n, l) -> { });
        Path broken = Files.createDirectories(dir.resolve("broken"));
        IOException stop = assertThrows(IOException.class, () -> KnowledgeTraining.run(spec(3), k, split.train(),
                base, broken, (e, n, l) -> {
                    if (e == 1) {
                        throw new IOException("interrupted after epoch 1");
                    }
                }));
        assertEquals("interrupted after epoch 1", stop.getMessage());
        assertTrue(Files.isRegularFile(broken.resolve(KnowledgeTraining.CHECKPOINT)));
        KnowledgeTraining.Trained resumed = KnowledgeTraining.run(spec(3), k, split.train(), base, broken,
                (e, n, l) -> assertTrue(e > 1, "epoch " + e + " ran again"));
        assertEquals(1, resumed.resumedAt());
        assertEquals(whole.losses(), resumed.losses());
        assertArrayEquals(whole.adapter().w1(), resumed.adapter().w1());
        assertArrayEquals(whole.adapter().w2(), resumed.adapter().w2());
        assertArrayEquals(whole.adapter().b1(), resumed.adapter().b1());
        assertArrayEquals(whole.adapter().b2(), resumed.adapter().b2());
    }

    @Test
    void theUntrainedAdapterIsTheIdentityAndTheJavaForwardIsTheTrainingForward() {
        Adapter id = Adapter.initial(DIM, 16, 3);
        float[][] same = id.apply(base);
        for (int i = 0; i < base.length; i++) {
            assertArrayEquals(base[i], same[i], 1e-6f);
        }
        Random r = new Random(9);
        Adapter a = new Adapter(DIM, 16, gaussian(r, 16 * DIM, 0.3f), gaussian(r, 16, 0.1f), gaussian(r, DIM * 16, 0.3f),
                gaussian(r, DIM, 0.1f));
        float[][] plain = a.apply(base);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] flat = new float[base.length * DIM];
            for (int i = 0; i < base.length; i++) {
                System.arraycopy(base[i], 0, flat, i * DIM, DIM);
            }
            NDArray out = KnowledgeTraining.forward(m.create(flat, new Shape(base.length, DIM)),
                    m.create(a.w1(), new Shape(16, DIM)), m.create(a.b1()), m.create(a.w2(), new Shape(DIM, 16)),
                    m.create(a.b2()));
            float[] djl = out.toFloatArray();
            for (int i = 0; i < base.length; i++) {
                assertArrayEquals(plain[i], java.util.Arrays.copyOfRange(djl, i * DIM, (i + 1) * DIM), 1e-5f);
            }
        }
        assertFalse(java.util.Arrays.equals(plain[0], base[0]));
    }

    @Test
    void theAdapterFileRoundTrips() throws IOException {
        Random r = new Random(4);
        Adapter a = new Adapter(DIM, 8, gaussian(r, 8 * DIM, 1), gaussian(r, 8, 1), gaussian(r, DIM * 8, 1),
                gaussian(r, DIM, 1));
        a.save(dir.resolve("a.safetensors"), Map.of());
        Adapter b = Adapter.load(dir.resolve("a.safetensors"));
        assertArrayEquals(a.w1(), b.w1());
        assertArrayEquals(a.b2(), b.b2());
        Files.writeString(dir.resolve("bad.safetensors"), "not a tensor file");
        IOException e = assertThrows(IOException.class, () -> Adapter.load(dir.resolve("bad.safetensors")));
        assertTrue(e.getMessage().contains("bad.safetensors"), e.getMessage());
    }

    private static float[] gaussian(Random r, int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian() * scale;
        }
        return v;
    }

    private static float[] normalise(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        float inv = (float) (1 / Math.sqrt(s));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
