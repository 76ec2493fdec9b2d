package org.raddiag.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.embedded.EmbeddedModels;

/**
 * The job on a real Spark standalone cluster: a master and a worker in their own JVMs (ports on 127.0.0.1), the job
 * jar submitted as {@code spark-submit --deploy-mode client} does, the cases diagnosed in executor JVMs the worker
 * launched. Twice: with the model package on storage the executor reads (the path), and shipped with the job
 * ({@code --archives model.zip#NAME}, {@code --model NAME}). Every probability equals the {@code local[2]} run's
 * within 1e-5, the error tables are the same and the corrupt case is in them, and no JVM of the cluster outlives
 * the test. Slow (103-111 s on the project's 2-core machine at load 7-14; up to six JVMs): runs with
 * {@code -Draddiag.cluster=true} (or {@code -Draddiag.slow=true}).
 */
class SparkStandaloneClusterIT {
    private static final long TIMEOUT_S = 300;
    private static final String SHIPPED = "shipped-model";

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
        JsonObject localSummary = runLocal(job(model.toString(), archive, local, List.of("--master", "local[2]")));
        assertEquals(SparkArchive.CASES, localSummary.get("cases").getAsInt());
        long t1 = System.nanoTime();

        List<Path> sparkJars = new ArrayList<>();
        for (String f : System.getProperty("raddiag.spark.classpathFiles", "").split(",")) {
            sparkJars.add(existing("raddiag.spark.classpathFiles", f));
        }
        Path jobJar = existing("raddiag.spark.jobJar", System.getProperty("raddiag.spark.jobJar"));
        Path shared = dir.resolve("out-shared");
        Path shipped = dir.resolve("out-shipped");
        Path zip = zip(model, dir.resolve("model.zip"));
        String jvmOptions = System.getProperty("raddiag.spark.jvmOptions").trim();
        StandaloneCluster cluster = null;
        long t2;
        long t3;
        long t4;
        try {
            cluster = StandaloneCluster.start(dir.resolve("cluster"), sparkJars, jvmOptions, TIMEOUT_S);
            t2 = System.nanoTime();
            List<String> options = new ArrayList<>();
            for (String conf : List.of("spark.executor.memory=" + StandaloneCluster.EXECUTOR_MEMORY,
                    "spark.executor.cores=" + StandaloneCluster.WORKER_CORES,
                    "spark.cores.max=" + StandaloneCluster.WORKER_CORES,
                    "spark.executor.extraJavaOptions=" + jvmOptions + " -Dai.djl.offline=true -Djava.io.tmpdir="
                            + cluster.tmp,
                    "spark.driver.host=127.0.0.1", "spark.driver.bindAddress=127.0.0.1", "spark.ui.enabled=false")) {
                options.addAll(List.of("--conf", conf));
            }
            submit(cluster, "shared", options, jobJar, job(model.toString(), archive, shared, List.of()));
            t3 = System.nanoTime();
            List<String> shipping = new ArrayList<>(options);
            shipping.addAll(List.of("--archives", zip + "#" + SHIPPED));
            submit(cluster, "shipped", shipping, jobJar, job(SHIPPED, archive, shipped, List.of()));
            t4 = System.nanoTime();

            List<Path> executorLogs;
            try (Stream<Path> s = Files.walk(cluster.work)) {
                executorLogs = s.filter(f -> f.endsWith("stderr") && f.getParent().getParent().getFileName()
                        .toString().startsWith("app-")).sorted().collect(Collectors.toList());
            }
            assertEquals(2, executorLogs.size(), "one executor per job, launched by the worker: " + executorLogs);
            for (Path log : executorLogs) {
                assertTrue(Files.readString(log).contains("CoarseGrainedExecutorBackend"), cluster.logTails());
            }
        } finally {
            if (cluster != null) {
                cluster.close();
                List<ProcessHandle> left = cluster.alive();
                assertTrue(left.isEmpty(), "JVMs of the cluster still alive: " + left.stream()
                        .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).collect(Collectors.toList()));
            }
        }
        long t5 = System.nanoTime();

        try (SparkSession spark = SparkSession.builder().master("local[1]").appName("raddiag-spark-cluster-test")
                .getOrCreate()) {
            Map<String, Row> expected = byCase(spark, local);
            assertEquals(SparkArchive.DIAGNOSED, expected.size());
            Set<String> localErrors = errors(spark, local);
            for (Path out : List.of(shared, shipped)) {
                Map<String, Row> actual = byCase(spark, out);
                assertEquals(expected.keySet(), actual.keySet(), out.toString());
                double worst = 0;
                for (Map.Entry<String, Row> e : expected.entrySet()) {
                    Row want = e.getValue();
                    Row got = actual.get(e.getKey());
                    assertEquals(want.<String>getAs("caseId"), got.getAs("caseId"));
                    assertEquals(want.<String>getAs("model"), got.getAs("model"));
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
                System.out.println(out.getFileName() + ": max |p(cluster) - p(local[2])| over " + actual.size()
                        + " cases: " + worst);
                assertTrue(worst <= 1e-5, out.getFileName() + ": the cluster and local mode differ by " + worst);

                Set<String> clusterErrors = errors(spark, out);
                assertEquals(SparkArchive.ERROR_ROWS, clusterErrors.size(), clusterErrors.toString());
                assertEquals(localErrors, clusterErrors);
                String corrupt = archive.resolve("corrupt").resolve("vol.npy") + " | false";
                assertTrue(clusterErrors.stream().anyMatch(e -> e.endsWith(corrupt)), "no error row for the corrupt"
                        + " case " + corrupt + " in " + clusterErrors);
                assertFalse(actual.keySet().stream().anyMatch(k -> k.contains("corrupt")), actual.keySet()
                        .toString());
            }
        }
        System.out.printf("standalone cluster test: local[2] run %.1f s, cluster start %.1f s, spark-submit (shared"
                + " model) %.1f s, spark-submit (--archives) %.1f s, shutdown %.1f s, total %.1f s%n", (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t5 - t4) / 1e9, (System.nanoTime() - t0) / 1e9);
    }

    /** Submits the job; it must exit 0 and have diagnosed every case of the archive. */
    private static void submit(StandaloneCluster cluster, String name, List<String> options, Path jobJar,
            List<String> job) throws Exception {
        int rc = cluster.submit(name, options, jobJar, RaddiagSpark.class.getName(), job, TIMEOUT_S);
        String out = Files.readString(cluster.logs.resolve(name + ".out"));
        assertEquals(0, rc, "spark-submit (" + name + ") exited " + rc + "\n" + out + "\n" + cluster.logTails());
        JsonObject summary = JsonParser.parseString(out).getAsJsonObject();
        assertEquals(SparkArchive.CASES, summary.get("cases").getAsInt(), out);
        assertEquals(SparkArchive.CASES, summary.get("diagnosed").getAsInt(), out);
    }

    private static List<String> job(String model, Path archive, Path out, List<String> extra) {
        List<String> a = new ArrayList<>(List.of("diagnose", "--model", model, "--input", archive.toString(),
                "--output", out.toString(), "--batch-cases", "100", "--cases-per-partition", "4", "--backend",
                "onnxruntime", "--json"));
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

    /** The package's files in a zip, as {@code (cd PKG && zip -r PKG.zip .)} makes it for {@code --archives}. */
    private static Path zip(Path folder, Path target) throws IOException {
        try (OutputStream o = Files.newOutputStream(target); ZipOutputStream z = new ZipOutputStream(o);
                Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                z.putNextEntry(new ZipEntry(folder.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        return target;
    }

    private static Path existing(String property, String value) {
        assertTrue(value != null && !value.isEmpty() && Files.exists(Paths.get(value)), "-D" + property + " (set by"
                + " spark/pom.xml): " + value + " does not exist; run the module's build to its integration-test phase");
        return Paths.get(value);
    }
}
