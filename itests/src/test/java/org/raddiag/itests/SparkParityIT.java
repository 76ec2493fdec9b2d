package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The Spark job ({@code spark/bin/raddiag-spark}, embedded pipeline, {@code local[2]}) gives the probabilities of
 * {@code bin/raddiag diagnose} (the OSGi runtime's DiagnosisService) within 1e-5, on both backends, for a model made
 * by {@code init-model --arch demo-small}, on the shipped RP3D demo cases.
 */
public class SparkParityIT {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void sparkJobAndDiagnoseGiveTheSameProbabilities() throws Exception {
        Distribution d = Distribution.copy(tmp.newFolder("dist").toPath());
        Distribution.Result init = d.run(false, "init-model", "--arch", "demo-small", "--name", "spark-parity:1.0.0",
                "--seed", "4");
        assertEquals(init.toString(), 0, init.status);
        Path model = d.userHome.resolve("models/spark-parity/1.0.0");
        Path demo = d.dist.resolve("data/rp3d-demo/demoData.json");
        for (String backend : List.of("onnxruntime", "pytorch")) {
            Distribution.Result r = d.run(false, "diagnose", demo.toString(), "--model", "spark-parity", "--backend",
                    backend, "--json", "--all");
            Map<String, double[]> framework = new HashMap<>();
            for (JsonElement e : JsonParser.parseString(r.out).getAsJsonObject().getAsJsonArray("results")) {
                JsonObject diagnosis = e.getAsJsonObject().getAsJsonObject("diagnosis");
                if (diagnosis != null) {
                    double[] p = new double[diagnosis.getAsJsonArray("findings").size()];
                    for (JsonElement f : diagnosis.getAsJsonArray("findings")) {
                        p[f.getAsJsonObject().get("index").getAsInt()] = f.getAsJsonObject().get("probability")
                                .getAsDouble();
                    }
                    framework.put(diagnosis.get("case").getAsString(), p);
                }
            }
            assertEquals(r.toString(), 2, framework.size());
            Map<String, double[]> spark = spark(model, demo, tmp.newFolder("out-" + backend).toPath(), backend);
            assertEquals(framework.keySet(), spark.keySet());
            double worst = 0;
            for (Map.Entry<String, double[]> e : framework.entrySet()) {
                double[] s = spark.get(e.getKey());
                assertEquals(e.getValue().length, s.length);
                for (int i = 0; i < s.length; i++) {
                    worst = Math.max(worst, Math.abs(s[i] - e.getValue()[i]));
                }
            }
            System.out.println(backend + ": max |p(spark) - p(diagnose)| = " + worst);
            assertTrue(backend + ": Spark and diagnose differ by " + worst, worst <= 1e-5);
        }
    }

    /** Runs the job as users do and reads its JSON lines: case id to probabilities in label order. */
    private static Map<String, double[]> spark(Path model, Path input, Path out, String backend) throws Exception {
        Path script = Paths.get(System.getProperty("raddiag.spark.home"), "bin", "raddiag-spark");
        File log = File.createTempFile("raddiag-spark", ".log");
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "diagnose", "--model", model.toString(), "--input",
                input.toString(), "--output", out.toString(), "--master", "local[2]", "--backend", backend)
                .redirectErrorStream(true).redirectOutput(log);
        pb.environment().remove("SPARK_HOME"); // the job's own local JVM, not a Spark installed on this machine
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        String cache = System.getProperty("DJL_CACHE_DIR");
        if (cache != null) {
            pb.environment().put("JAVA_OPTS", "-DDJL_CACHE_DIR=" + cache + " -DENGINE_CACHE_DIR=" + cache
                    + " -Dai.djl.offline=true");
        }
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("raddiag-spark did not finish in 300 s: " + Files.readString(log.toPath()));
        }
        String text = Files.readString(log.toPath());
        log.delete();
        assertEquals(text, 0, p.exitValue());
        Map<String, double[]> result = new HashMap<>();
        try (Stream<Path> files = Files.walk(out.resolve("batches"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getParent().getFileName().toString().equals("findings.jsonl")
                        && f.getFileName().toString().endsWith(".json")) {
                    for (String line : Files.readAllLines(f)) {
                        JsonObject row = JsonParser.parseString(line).getAsJsonObject();
                        double[] prob = new double[row.getAsJsonArray("probabilities").size()];
                        for (int i = 0; i < prob.length; i++) {
                            prob[i] = row.getAsJsonArray("probabilities").get(i).getAsDouble();
                        }
                        result.put(row.get("caseId").getAsString(), prob);
                    }
                }
            }
        }
        return result;
    }
}
