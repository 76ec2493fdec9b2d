package org.raddiag.text.minilm.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.raddiag.api.text.Pooling;

/**
 * Throughput of all-MiniLM-L6-v2 over the 5,569 RP3D disorder names (batch 64, 2 threads): a measurement, not a
 * timed test. Runs only with {@code -Draddiag.slow=true}: {@code mvn -pl plugins/text-minilm test
 * -Dtest=EmbeddingThroughputBenchmark -Draddiag.slow=true}.
 */
class EmbeddingThroughputBenchmark {
    @Test
    void rp3dDisorderNames() throws IOException {
        assumeTrue(Boolean.getBoolean("raddiag.slow"), "benchmark: run with -Draddiag.slow=true");
        List<String> names = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(Path.of(
                System.getProperty("raddiag.testdata"), "rp3d-demo", "disorder_label_dict.json"))).getAsJsonObject()
                .entrySet().stream().sorted(java.util.Comparator.comparingInt(e -> e.getValue().getAsInt()))
                .map(java.util.Map.Entry::getKey).toList();
        try (OnnxTextEncoder e = EncoderLoader.minilm(new EncoderLoader.Settings(Pooling.MEAN, 256, 64, 2))) {
            e.embed(names.subList(0, 256)); // warm-up
            for (int run = 0; run < 3; run++) {
                long t0 = System.nanoTime();
                e.embed(names);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "embed %d RP3D disorder names: %.2f s, %.0f labels/s%n",
                        names.size(), s, names.size() / s);
            }
        }
    }
}
