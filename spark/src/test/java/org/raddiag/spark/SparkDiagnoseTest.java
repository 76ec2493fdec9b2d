package org.raddiag.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Finding;
import org.raddiag.core.cases.LoadedCase;
import org.raddiag.embedded.EmbeddedModels;
import org.raddiag.embedded.EmbeddedPipeline;

/**
 * The Spark job on {@code local[2]}: every probability equals the embedded pipeline's (the framework's code) within
 * 1e-5, unreadable cases land in the errors table, a re-run skips everything, and a job killed with SIGKILL in the
 * middle and run again leaves every case exactly once.
 */
class SparkDiagnoseTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path archive;

    @BeforeAll
    static void archive() throws IOException {
        model = dir.resolve("model");
        EmbeddedModels.initialize("demo-small", "spark-test", "1.0.0", 5, model);
        archive = SparkArchive.write(dir.resolve("archive"));
    }

    @Test
    void everyCaseIsDiagnosedAsTheEmbeddedPipelineDoesAndARerunSkipsThemAll() throws Exception {
        Path out = dir.resolve("out-full");
        JsonObject first = run(out, "12");
        assertEquals(SparkArchive.CASES, first.get("cases").getAsInt());
        assertEquals(0, first.get("skipped").getAsInt());
        assertEquals(3, first.get("batches").getAsInt());
        try (SparkSession spark = session()) {
            List<Row> findings = spark.read().parquet(out + "/batches/*/findings.parquet").collectAsList();
            assertEquals(SparkArchive.DIAGNOSED, findings.size());
            assertEquals(SparkArchive.DIAGNOSED, findings.stream().map(r -> r.<String>getAs("caseKey")).distinct()
                    .count());
            assertEquals(SparkArchive.DIAGNOSED, spark.read().json(out + "/batches/*/findings.jsonl").count());
            double worst = 0;
            try (EmbeddedPipeline embedded = EmbeddedPipeline.builder().model(model).backend("onnxruntime").build()) {
                for (Row r : findings) {
                    assertEquals("spark-test", r.getAs("model"));
                    assertEquals("1.0.0", r.getAs("modelVersion"));
                    assertEquals("onnxruntime", r.getAs("backend"));
                    List<String> labels = r.getList(r.fieldIndex("labels"));
                    List<Double> p = r.getList(r.fieldIndex("probabilities"));
                    List<String> positives = r.getList(r.fieldIndex("positives"));
                    Map<String, Double> timings = r.getJavaMap(r.fieldIndex("timingsMs"));
                    assertTrue(timings.get("total") > 0 && timings.containsKey("read"), timings.toString());
                    Diagnosis d = reference(embedded, r.getAs("source"), r.getAs("caseKey"));
                    assertEquals(d.caseId(), r.getAs("caseId"));
                    assertEquals(d.findings().size(), p.size());
                    List<String> expectedPositives = new ArrayList<>();
                    for (Finding f : d.findings()) {
                        assertEquals(f.label(), labels.get(f.index()));
                        worst = Math.max(worst, Math.abs(f.probability() - p.get(f.index())));
                        if (f.positive()) {
                            expectedPositives.add(f.label());
                        }
                    }
                    assertEquals(expectedPositives.stream().sorted().toList(), positives.stream().sorted().toList());
                }
            }
            System.out.println("max |p(spark) - p(embedded)| over " + findings.size() + " cases: " + worst);
            assertTrue(worst <= 1e-5, "Spark and the embedded pipeline differ by " + worst);

            List<Row> errors = spark.read().parquet(out + "/batches/*/errors.parquet").collectAsList();
            assertEquals(SparkArchive.ERROR_ROWS, errors.size(), errors.toString());
            Map<String, Row> byCase = new HashMap<>();
            errors.forEach(e -> byCase.put(e.getAs("caseId") == null ? e.getAs("caseKey") : e.getAs("caseId"), e));
            Row corrupt = byCase.get("corrupt");
            assertTrue(corrupt.<String>getAs("file").endsWith("vol.npy"), corrupt.toString());
            assertTrue(List.of("TRUNCATED", "CORRUPT").contains(corrupt.<String>getAs("reason")), corrupt.toString());
            assertEquals(false, corrupt.getAs("diagnosed"));
            assertEquals(true, byCase.get("partial").getAs("diagnosed"));
            Row broken = byCase.get(archive.resolve("broken.json").toString());
            assertTrue(broken.<String>getAs("message").contains("broken.json"), broken.toString());
            assertEquals(SparkArchive.ERROR_ROWS, spark.read().json(out + "/batches/*/errors.jsonl").count());
        }
        JsonObject again = run(out, "12");
        assertEquals(SparkArchive.CASES, again.get("skipped").getAsInt());
        assertEquals(0, again.get("batches").getAsInt());
    }

    @Test
    void aJobKilledMidRunAndRestartedHoldsEveryCaseOnce() throws Exception {
        Path out = dir.resolve("out-killed");
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString()));
        cmd.addAll(List.of(System.getProperty("raddiag.spark.jvmOptions").trim().split("\\s+")));
        // the class path goes in an argument file: ONNX Runtime 1.29 crashes the JVM (SIGSEGV) at its start when the
        // process command line is long (measured: a 16 KB -cp or -D value), as a test class path is
        Path argFile = dir.resolve("job.args");
        Files.writeString(argFile, "-cp\n\"" + System.getProperty("java.class.path").replace("\\", "\\\\")
                + "\"\n");
        cmd.addAll(List.of("-Xmx1g", "-Dspark.ui.enabled=false", "-Dai.djl.offline=true", "@" + argFile,
                RaddiagSpark.class.getName()));
        cmd.addAll(args(out, "3").subList(0, args(out, "3").size() - 1)); // without --json: a line per batch
        Process job = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed-job.log").toFile()).start();
        Path batches = out.resolve(BatchOutput.BATCHES);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (committed(batches) < 2 && job.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (!job.isAlive()) {
            String log = Files.readString(dir.resolve("killed-job.log"));
            throw new AssertionError("the job ended (exit " + job.exitValue() + ") after " + committed(batches)
                    + " batches, before it could be killed: "
                    + log.substring(Math.max(0, log.length() - 4000)));
        }
        job.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertTrue(job.waitFor(30, TimeUnit.SECONDS));
        int before = committed(batches);
        int total = (SparkArchive.CASES + 2) / 3;
        System.out.println("killed after " + before + " of " + total + " batches");
        assertTrue(before >= 2 && before < total, "killed after " + before + " of " + total + " batches");

        JsonObject rerun = run(out, "12");
        assertEquals(SparkArchive.CASES, rerun.get("cases").getAsInt());
        int skipped = rerun.get("skipped").getAsInt();
        assertTrue(skipped >= 2 * 3 && skipped < SparkArchive.CASES, "skipped " + skipped);
        assertTrue(Files.notExists(out.resolve(BatchOutput.STAGING)) || isEmpty(out.resolve(BatchOutput.STAGING)));
        try (SparkSession spark = session()) {
            List<Row> findings = spark.read().parquet(out + "/batches/*/findings.parquet").select("caseKey")
                    .collectAsList();
            assertEquals(SparkArchive.DIAGNOSED, findings.size(), "finding rows");
            assertEquals(SparkArchive.DIAGNOSED, findings.stream().distinct().count(), "distinct cases");
            assertEquals(SparkArchive.DIAGNOSED, spark.read().json(out + "/batches/*/findings.jsonl").count());
            List<Row> errors = spark.read().parquet(out + "/batches/*/errors.parquet").select("caseKey", "file")
                    .collectAsList();
            assertEquals(SparkArchive.ERROR_ROWS, errors.size(), "error rows");
            assertEquals(SparkArchive.ERROR_ROWS, errors.stream().distinct().count(), "distinct error rows");
        }
    }

    private static Diagnosis reference(EmbeddedPipeline embedded, String source, String key) throws Exception {
        String caseId = key.contains("#") ? key.substring(key.indexOf('#') + 1) : null;
        List<LoadedCase> cases = embedded.locate(Paths.get(source), caseId);
        assertEquals(1, cases.size());
        return embedded.diagnose(cases.get(0).value(), 0);
    }

    private static List<String> args(Path out, String batchCases) {
        return List.of("diagnose", "--model", model.toString(), "--input", archive.toString(), "--output",
                out.toString(), "--master", "local[2]", "--batch-cases", batchCases, "--cases-per-partition", "1",
                "--backend", "onnxruntime", "--json");
    }

    private static JsonObject run(Path out, String batchCases) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        List<String> a = args(out, batchCases);
        int rc = new SparkDiagnoseCommand().run(a.subList(1, a.size()), ps, ps);
        String text = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, text);
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static SparkSession session() {
        return SparkSession.builder().master("local[2]").appName("raddiag-spark-test").getOrCreate();
    }

    private static int committed(Path batches) throws IOException {
        if (!Files.isDirectory(batches)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(batches)) {
            return (int) s.filter(Files::isDirectory).count();
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
    }
}
