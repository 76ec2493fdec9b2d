package org.raddiag.trainer.bench;

import org.raddiag.model.assembly.PluginAssembler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.raddiag.api.train.TrainingListener;
import org.raddiag.trainer.internal.DjlTraining;
import org.raddiag.api.train.TrainingOutcome;
import org.raddiag.trainer.internal.SyntheticCases;

/**
 * Times training steps (not a test). Arguments are settings {@code key=value} (architecture, batchSize, ...) plus
 * {@code cases=N} (synthetic cases, default 8) and {@code warmup=K} (steps excluded from the timing, default 1).
 * Prints per-step seconds, cases/s and the peak RSS ({@code VmHWM} of /proc/self/status).
 *
 * <pre>
 * full size, 1 scan, batch 1:  backbone=resnet50 image_size=256 depth=32 slots=1 hidden=2048 classes=5569
 *                              batchSize=1 maxSteps=3 warmup=1
 * </pre>
 * Run from the module with the test classpath, e.g.
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.raddiag.trainer.bench.TrainingBench ...}.
 */
public final class TrainingBench {
    private TrainingBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("validate", "false");
        settings.put("epochs", "1000");
        int cases = 8;
        int warmup = 1;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "cases" -> cases = Integer.parseInt(kv[1]);
                case "warmup" -> warmup = Integer.parseInt(kv[1]);
                default -> settings.put(kv[0], kv[1]);
            }
        }
        int classes = Integer.parseInt(settings.getOrDefault("classes", "5569"));
        int size = Integer.parseInt(settings.getOrDefault("image_size", "256"));
        int depth = Integer.parseInt(settings.getOrDefault("depth", "32"));
        int slots = Integer.parseInt(settings.getOrDefault("slots", "4"));
        SyntheticCases data = new SyntheticCases(classes, cases, cases, size, depth, slots);
        List<Double> seconds = new ArrayList<>();
        int skip = warmup;
        TrainingListener timing = new TrainingListener() {
            @Override
            public void step(int epoch, long step, long total, Map<String, Double> m) {
                System.out.printf(Locale.ROOT, "step %d: %.3f s, loss %.5f, rss peak %s%n", step, m.get("stepSeconds"),
                        m.get("loss"), vmHwm());
                if (step > skip) {
                    seconds.add(m.get("stepSeconds"));
                }
            }

            @Override
            public void epoch(int epoch, Map<String, Double> m) {
            }
        };
        Path out = Files.createTempDirectory("raddiag-bench");
        long t0 = System.nanoTime();
        TrainingOutcome r = DjlTraining.run(settings, data, data.tensorizer(), PluginAssembler.fromServiceLoader(PluginAssembler.class.getClassLoader()), out, false, timing);
        double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        int batch = Integer.parseInt(settings.getOrDefault("batchSize", "1"));
        System.out.printf(Locale.ROOT, "settings %s%nmean step %.3f s over %d timed steps, %.2f cases/s; total %.1f s;"
                + " peak RSS %s; threads %s%n", settings, mean, seconds.size(), batch / mean,
                (System.nanoTime() - t0) / 1e9, vmHwm(), System.getProperty("ai.djl.pytorch.num_threads", "default"));
        System.out.println("summary " + r.summary());
    }

    static String vmHwm() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return l.substring(6).trim();
                }
            }
        } catch (java.io.IOException e) {
            return "n/a";
        }
        return "n/a";
    }
}
