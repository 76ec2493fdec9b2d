package org.raddiag.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.raddiag.trainer.testutil.Npy;

class TrainingLossTest {
    private static NDArray nd(NDManager m, String name) throws IOException {
        Npy.Array a = Npy.read(Npy.reference("losses", name));
        return a.floats() != null ? m.create(a.floats(), new Shape(a.shape())) : m.create(a.longs(), new Shape(a.shape()));
    }

    private static double result(String json, String section, String key) {
        Matcher m = Pattern.compile("\"" + section + "\"\\s*:\\s*\\{[^}]*?\"" + key + "\"\\s*:\\s*([-0-9.eE+]+)")
                .matcher(json);
        if (!m.find()) {
            throw new AssertionError(section + "." + key + " not in results.json");
        }
        return Double.parseDouble(m.group(1));
    }

    @Test
    void trainingObjectiveMatchesReferenceFixtures() throws IOException {
        String json = Files.readString(Npy.reference("losses", "results.json"));
        double bce = result(json, "bce", "loss");
        double kl = result(json, "kl", "loss");
        try (NDManager m = NDManager.newBaseManager()) {
            NDList l = TrainingLoss.compute(nd(m, "bce_logits.npy"), nd(m, "bce_labels.npy"),
                    nd(m, "kl_radnet_score_full.npy"), nd(m, "kl_radnet_mods.npy"), nd(m, "kl_radnet_marks.npy"),
                    nd(m, "kl_radnet_keys.npy"), 0.001f);
            System.out.printf("[parity] bce |diff| %.3g, kl |diff| %.3g%n", Math.abs(l.get(1).getFloat() - bce),
                    Math.abs(l.get(2).getFloat() - kl));
            assertEquals(bce, l.get(1).getFloat(), 1e-6);
            assertEquals(kl, l.get(2).getFloat(), 1e-6);
            assertEquals(bce + 0.001 * kl, l.get(0).getFloat(), 1e-6);
        }
    }

    @Test
    void batchWithoutNonEmptySlotHasZeroKl() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList l = TrainingLoss.compute(m.zeros(new Shape(1, 3)), m.ones(new Shape(1, 3)),
                    m.zeros(new Shape(2, 5)), m.zeros(new Shape(1, 2), ai.djl.ndarray.types.DataType.INT64),
                    m.zeros(new Shape(1, 2, 4), ai.djl.ndarray.types.DataType.INT64),
                    m.create(new long[] {-1, -1}, new Shape(1, 2)), 0.001f);
            assertEquals(0f, l.get(2).getFloat());
            assertEquals(Math.log(2), l.get(0).getFloat(), 1e-6);
        }
    }
}
