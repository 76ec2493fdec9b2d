package org.raddiag.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.core.cases.LoadedCase;
import org.raddiag.embedded.EmbeddedModels;
import org.raddiag.embedded.EmbeddedPipeline;
import org.raddiag.embedded.EmbeddedPipelineBuilder;

/**
 * Benchmark, not a test (runs only with {@code -Draddiag.slow=true}; {@code tools/bench-spark.sh}): cases/s of one
 * JVM diagnosing an archive case after case (what {@code raddiag diagnose} does) against the Spark job on
 * {@code local[1]} and {@code local[2]} over the same archive and model, after a warm-up job (the model stays
 * loaded, as in an executor); the per-case overhead of Spark is (local[1] time - one-JVM time) / cases. Archive and model: {@code -Draddiag.bench.cases} (200) case folders of one
 * {@code -Draddiag.bench.size}^2 (64) x {@code -Draddiag.bench.slices} (16) CT volume, the demo-small architecture; {@code -Draddiag.bench.perPartition} (4)
 * cases per Spark task.
 */
class SparkThroughputBenchmark {
    @TempDir
    Path dir;

    @Test
    void casesPerSecondOneJvmAgainstSpark() throws Exception {
        assumeTrue(Boolean.getBoolean("raddiag.slow"), "benchmark: run with -Draddiag.slow=true");
        int n = Integer.getInteger("raddiag.bench.cases", 200);
        String backend = System.getProperty("raddiag.bench.backend", "onnxruntime");
        Path model = dir.resolve("model");
        EmbeddedModels.initialize("demo-small", "bench", "1.0.0", 1, model);
        Path archive = SparkArchive.volumes(dir.resolve("archive"), n, Integer.getInteger("raddiag.bench.size", 64),
                Integer.getInteger("raddiag.bench.slices", 16));

        double oneJvm;
        try (EmbeddedPipeline p = EmbeddedPipeline.builder().model(model).backend(backend).build()) {
            List<CaseUnit> units = new CaseLister("articles",
                    EmbeddedPipelineBuilder.scanFiles(getClass().getClassLoader())).list(archive);
            diagnoseAll(p, units.subList(0, Math.min(5, units.size()))); // warm-up, as Spark's executors warm up too
            long t0 = System.nanoTime();
            diagnoseAll(p, units);
            oneJvm = (System.nanoTime() - t0) / 1e9;
        }
        // warm-up: Spark's first jobs in a JVM run cold (class loading, JIT), and this JVM's executor pipeline (the
        // model) is built once and kept, as on a cluster, where it is loaded once per executor for the whole job
        Path warm = SparkArchive.volumes(dir.resolve("warm-up"), 8, 32, 8);
        job(model, warm, dir.resolve("out-warm"), "local[2]", backend, 8);
        JsonObject local1 = job(model, archive, dir.resolve("out-1"), "local[1]", backend, n);
        JsonObject local2 = job(model, archive, dir.resolve("out-2"), "local[2]", backend, n);
        double s1 = local1.get("seconds").getAsDouble();
        double s2 = local2.get("seconds").getAsDouble();
        System.out.printf("BENCH cases=%d backend=%s cores=%d cases-per-partition=%s%n", n, backend,
                Runtime.getRuntime().availableProcessors(), System.getProperty("raddiag.bench.perPartition", "4"));
        System.out.printf("BENCH one JVM, case after case: %.1f s, %.2f cases/s, %.1f ms/case%n", oneJvm, n / oneJvm,
                1000 * oneJvm / n);
        System.out.printf("BENCH spark local[1]: %.1f s (job), %.2f cases/s; overhead %.1f ms/case (scheduling,"
                + " rows, Parquet + JSON writes, batch commit); whole command %.1f s%n", s1, n / s1,
                1000 * (s1 - oneJvm) / n, local1.get("totalSeconds").getAsDouble());
        System.out.printf("BENCH spark local[2]: %.1f s (job), %.2f cases/s, speed-up over one JVM %.2fx; whole"
                + " command %.1f s%n", s2, n / s2, oneJvm / s2, local2.get("totalSeconds").getAsDouble());
    }

    private static void diagnoseAll(EmbeddedPipeline p, List<CaseUnit> units) throws Exception {
        for (CaseUnit u : units) {
            for (LoadedCase c : p.locate(Path.of(u.path()), u.caseId())) {
                p.diagnose(c.value(), 0);
            }
        }
    }

    private static JsonObject job(Path model, Path archive, Path out, String master, String backend, int n)
            throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int rc = new SparkDiagnoseCommand().run(List.of("--model", model.toString(), "--input", archive.toString(),
                "--output", out.toString(), "--master", master, "--backend", backend, "--batch-cases",
                Integer.toString(n), "--cases-per-partition", System.getProperty("raddiag.bench.perPartition", "4"),
                "--json"), ps, ps);
        String text = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, text);
        JsonObject o = JsonParser.parseString(text).getAsJsonObject();
        assertEquals(n, o.get("diagnosed").getAsInt());
        return o;
    }
}
