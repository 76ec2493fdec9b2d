package org.raddiag.model.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raddiag.model.testutil.Arrays2;
import org.raddiag.model.testutil.Npy;
import org.raddiag.model.testutil.TestData;

class LossesTest {
    private static final String F = "losses";
    private NDManager m;
    private JsonObject results;

    @BeforeEach
    void open() throws IOException {
        m = NDManager.newBaseManager();
        results = JsonParser.parseString(Files.readString(TestData.reference(F, "results.json"))).getAsJsonObject();
    }

    @AfterEach
    void close() {
        m.close();
    }

    private NDArray npy(String name) throws IOException {
        return Arrays2.create(m, Npy.read(F, name));
    }

    @Test
    void clampedBceMatchesReference() throws IOException {
        NDArray logits = npy("bce_logits.npy");
        NDArray labels = npy("bce_labels.npy");
        Arrays2.assertClose(Npy.read(F, "bce_elementwise_after_clamp.npy"),
                ClampedBceLoss.elementwise(logits, labels), 1e-6, "bce elementwise");
        float loss = ClampedBceLoss.loss(logits, labels).getFloat();
        float expected = results.getAsJsonObject("bce").get("loss").getAsFloat();
        System.out.println("[parity] bce loss |diff| = " + Math.abs(loss - expected));
        assertEquals(expected, loss, 1e-6);
    }

    @Test
    void radNetSelectionPicksNonEmptySlots() throws IOException {
        NDList sel = KeySliceSelection.select(npy("kl_radnet_score_full.npy"), npy("kl_radnet_mods.npy"),
                npy("kl_radnet_marks.npy"), npy("kl_radnet_keys.npy"));
        Arrays2.assertClose(Npy.read(F, "kl_scores.npy"), sel.get(0), 0, "selected scores");
        assertArrayEquals(Npy.read(F, "kl_keys.npy").longs(), sel.get(1).toLongArray());
        assertArrayEquals(Npy.read(F, "kl_cutoffs.npy").longs(), sel.get(2).toLongArray());
    }

    @Test
    void keySliceKlMatchesReference() throws IOException {
        NDArray scores = npy("kl_scores.npy");
        NDArray keys = npy("kl_keys.npy");
        NDArray cutoffs = npy("kl_cutoffs.npy");
        NDArray targets = KeySliceKlLoss.targets(scores, keys, cutoffs, KeySliceKlLoss.DEFAULT_STD_FRACTION);
        Arrays2.assertClose(Npy.read(F, "kl_gaussian_targets.npy"), targets, 1e-6, "targets");
        Arrays2.assertClose(Npy.read(F, "kl_gaussian_targets_clamped.npy"), targets.maximum(KeySliceKlLoss.FLOOR),
                1e-6, "clamped targets");
        Arrays2.assertClose(Npy.read(F, "kl_pred_softmax_clamped.npy"), scores.softmax(-1).maximum(1e-5f), 1e-6,
                "clamped prediction");
        NDList terms = KeySliceKlLoss.terms(scores, keys, cutoffs, KeySliceKlLoss.DEFAULT_STD_FRACTION);
        JsonObject kl = results.getAsJsonObject("kl");
        double d = Math.abs(terms.get(0).getFloat() - kl.get("loss").getAsFloat());
        System.out.println("[parity] kl loss |diff| = " + d);
        assertEquals(kl.get("loss").getAsFloat(), terms.get(0).getFloat(), 1e-6);
        assertEquals(kl.get("kl_target_to_pred_term").getAsFloat(), terms.get(1).getFloat(), 1e-6);
        assertEquals(kl.get("kl_pred_to_target_term").getAsFloat(), terms.get(2).getFloat(), 1e-6);
    }

    @Test
    void degenerateKeysBehaveLikeReference() {
        NDArray scores = m.zeros(new ai.djl.ndarray.types.Shape(3, 32));
        NDArray keys = m.create(new long[] {24, 31, -1});
        NDArray cutoffs = m.create(new long[] {3, 3, 0});
        float[] t = KeySliceKlLoss.targets(scores, keys, cutoffs, KeySliceKlLoss.DEFAULT_STD_FRACTION)
                .toFloatArray();
        JsonObject deg = results.getAsJsonObject("kl_degenerate");
        var first4 = deg.getAsJsonObject("key_24_cutoff_3").getAsJsonArray("targets_first4");
        for (int j = 0; j < 4; j++) {
            assertEquals(first4.get(j).getAsFloat(), t[j], 1e-6);
        }
        assertTrue(Float.isNaN(t[32]) && Float.isNaN(t[64]));
        assertTrue(Float.isNaN(KeySliceKlLoss.loss(scores.get("1:2"), keys.get("1:2"), cutoffs.get("1:2"))
                .getFloat()));
    }

    @Test
    void lossesAreDifferentiable() throws IOException {
        NDArray logits = npy("bce_logits.npy");
        NDArray scores = npy("kl_scores.npy");
        logits.setRequiresGradient(true);
        scores.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray total = ClampedBceLoss.loss(logits, npy("bce_labels.npy"))
                    .add(KeySliceKlLoss.loss(scores, npy("kl_keys.npy"), npy("kl_cutoffs.npy"))
                            .mul(KeySliceKlLoss.RADNET_WEIGHT));
            gc.backward(total);
        }
        float[] g = logits.getGradient().toFloatArray();
        assertEquals(0f, g[0], "clamped logit 100 gets no gradient");
        assertTrue(g[8] != 0f);
        assertTrue(scores.getGradient().abs().sum().getFloat() > 0f);
        assertEquals(DataType.FLOAT32, scores.getGradient().getDataType());
    }
}
