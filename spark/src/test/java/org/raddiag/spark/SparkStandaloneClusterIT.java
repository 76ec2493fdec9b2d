package org.raddiag.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.embedded.EmbeddedModels;

/**
 * The job on a real Spark standalone cluster: a master and a worker in their own JVMs (ports on 127.0.0.1), the job
 * jar submitted as {@code spark-submit --deploy-mode client} does, the cases diagnosed in an executor JVM the worker
 * launched. Every probability equals the {@code local[2]} run's within 1e-5, the error tables are the same and the
 * corrupt case is in them, and no JVM of the cluster outlives the test. Slow (a minute or more with five JVMs on two
 * cores): runs with {@code -Draddiag.cluster=true} or {@code -Draddiag.slow=true}.
 */
class SparkStandaloneClusterIT {
    private static final long TIMEOUT_S = 300;

    @TempDir
    Path dir;

    @Test
    void theClusterGivesTheLocalModeProbabilitiesAndTheCorruptCaseLandsInTheErrorsTable() throws Exception {
        assumeTrue(Boolean.getBoolean("raddiag.cluster") || Boolean.getBoolean("raddiag.slow"),
                "a standalone cluster: run with -Draddiag.cluster=true");
        long t0 = System.nanoTime();
        Path model = dir.resolve("model");
        EmbeddedModels.initialize("demo-small", "spark-cluster", "1.0.0", 7, model);
        Path archive = SparkArchive.write(dir.resolve("archive"));

        Path local = dir.resolve("out-local");
        JsonObject localSummary = runLocal(job(model, archive, local, List.of("--master", "local[2]")));
        long t1 = System.nanoTime();

        Path clustered = dir.resolve("out-cluster");
        String jvmOptions = System.getProperty("raddiag.spark.jvmOptions");
        StandaloneCluster cluster = null;
        JsonObject clusterSummary;
        long t2;
        long t3;
        try {
            List<Path> sparkJars = new ArrayList<>();
            for (String f : System.getProperty("raddiag.spark.classpathFiles", "").split(",")) {
                sparkJars.add(existing("raddiag.spark.classpathFiles", f));
            }
            cluster = StandaloneCluster.start(dir.resolve("cluster"), sparkJars, jvmOptions, TIMEOUT_S);
            t2 = System.nanoTime();
            List<String> conf = List.of("spark.executor.memory=" + StandaloneCluster.EXECUTOR_MEMORY,
                    "spark.executor.cores=" + StandaloneCluster.WORKER_CORES,
                    "spark.cores.max=" + StandaloneCluster.WORKER_CORES,
                    "spark.executor.extraJavaOptions=" + jvmOptions.trim() + " -Dai.djl.offline=true",
                    "spark.driver.host=127.0.0.1", "spark.driver.bindAddress=127.0.0.1", "spark.ui.enabled=false");
            int rc = cluster.submit("driver", conf, existing("raddiag.spark.jobJar",
                            System.getProperty("raddiag.spark.jobJar")), RaddiagSpark.class.getName(),
                    job(model, archive, clustered, List.of()), TIMEOUT_S);
            t3 = System.nanoTime();
            String driverOut = Files.readString(cluster.logs.resolve("driver.out"));
            assertEquals(0, rc, "spark-submit exited " + rc + "\n" + driverOut + "\n" + cluster.logTails());
            clusterSummary = JsonParser.parseString(driverOut).getAsJsonObject();
            List<Path> executorLogs;
            try (Stream<Path> s = Files.walk(cluster.work)) {
                executorLogs = s.filter(f -> f.endsWith("stderr") && f.getParent().getParent().getFileName()
                        .toString().startsWith("app-")).collect(Collectors.toList());
            }
            assertEquals(1, executorLogs.size(), "one executor, launched by the worker: " + executorLogs);
            assertTrue(Files.readString(executorLogs.get(0)).contains("CoarseGrainedExecutorBackend"),
                    cluster.logTails());
        } finally {
            if (cluster != null) {
                cluster.close();
                List<ProcessHandle> left = cluster.alive();
                assertTrue(left.isEmpty(), "JVMs of the cluster still alive: " + left.stream()
                        .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).collect(Collectors.toList()));
            }
        }
        long t4 = System.nanoTime();

        assertEquals(SparkArchive.CASES, localSummary.get("cases").getAsInt());
        assertEquals(SparkArchive.CASES, clusterSummary.get("cases").getAsInt());
        assertEquals(SparkArchive.CASES, clusterSummary.get("diagnosed").getAsInt());
        try (SparkSession spark = SparkSession.builder().master("local[1]").appName("raddiag-spark-cluster-test")
                .getOrCreate()) {
            Map<String, Row> expected = byCase(spark, local);
            Map<String, Row> actual = byCase(spark, clustered);
            assertEquals(SparkArchive.DIAGNOSED, expected.size());
            assertEquals(expected.keySet(), actual.keySet());
            double worst = 0;
            for (Map.Entry<String, Row> e : expected.entrySet()) {
                Row want = e.getValue();
                Row got = actual.get(e.getKey());
                assertEquals(want.<String>getAs("caseId"), got.getAs("caseId"));
                assertEquals(want.getList(want.fieldIndex("labels")), got.getList(got.fieldIndex("labels")));
                assertEquals(new TreeSet<>(want.getList(want.fieldIndex("positives"))),
                        new TreeSet<>(got.getList(got.fieldIndex("positives"))), e.getKey());
                List<Double> p = want.getList(want.fieldIndex("probabilities"));
                List<Double> q = got.getList(got.fieldIndex("probabilities"));
                assertEquals(p.size(), q.size());
                for (int i = 0; i < p.size(); i++) {
                    worst = Math.max(worst, Math.abs(p.get(i) - q.get(i)));
                }
            }
            System.out.println("max |p(cluster) - p(local[2])| over " + actual.size() + " cases: " + worst);
            assertTrue(worst <= 1e-5, "the cluster and local mode differ by " + worst);

            Set<String> localErrors = errors(spark, local);
            Set<String> clusterErrors = errors(spark, clustered);
            assertEquals(SparkArchive.ERROR_ROWS, clusterErrors.size(), clusterErrors.toString());
            assertEquals(localErrors, clusterErrors);
            String corrupt = archive.resolve("corrupt").resolve("vol.npy") + " | false";
            assertTrue(clusterErrors.stream().anyMatch(e -> e.endsWith(corrupt)), "no error row for the corrupt case "
                    + corrupt + " in " + clusterErrors);
            assertFalse(actual.keySet().stream().anyMatch(k -> k.contains("corrupt")), actual.keySet().toString());
        }
        System.out.printf("standalone cluster test: local[2] run %.1f s, cluster start %.1f s, spark-submit %.1f s,"
                + " shutdown %.1f s, total %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                (t4 - t3) / 1e9, (System.nanoTime() - t0) / 1e9);
    }

    private static List<String> job(Path model, Path archive, Path out, List<String> extra) {
        List<String> a = new ArrayList<>(List.of("diagnose", "--model", model.toString(), "--input",
                archive.toString(), "--output", out.toString(), "--batch-cases", "100", "--cases-per-partition", "4",
                "--backend", "onnxruntime", "--json"));
        a.addAll(extra);
        return a;
    }

    private static JsonObject runLocal(List<String> args) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int rc = new SparkDiagnoseCommand().run(args.subList(1, args.size()), ps, ps);
        String text = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, text);
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static Map<String, Row> byCase(SparkSession spark, Path out) {
        Map<String, Row> rows = new HashMap<>();
        for (Row r : spark.read().parquet(out + "/batches/*/findings.parquet").collectAsList()) {
            assertTrue(rows.put(r.getAs("caseKey"), r) == null, "twice: " + r.getAs("caseKey"));
        }
        return rows;
    }

    /** The error rows as "caseKey | reason | file | diagnosed" (the message may name an executor's paths). */
    private static Set<String> errors(SparkSession spark, Path out) {
        return spark.read().parquet(out + "/batches/*/errors.parquet").collectAsList().stream()
                .map(r -> r.getAs("caseKey") + " | " + r.getAs("reason") + " | " + r.getAs("file") + " | "
                        + r.getAs("diagnosed"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Path existing(String property, String value) {
        assertTrue(value != null && !value.isEmpty() && Files.exists(Paths.get(value)), "-D" + property + " (set by"
                + " spark/pom.xml): " + value + " does not exist; run the module's build to its integration-test phase");
        return Paths.get(value);
    }
}
