package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@code experiment} in real Felix: the shipped tiny two-variant plan ({@code examples/experiments/tiny.json}: a
 * disorder-level MLP, and the same trained at the ICD-10 level) trains and evaluates both variants, writes comparison.json and comparison.html; a second run skips
 * both; a bad plan is refused naming the field before anything trains. The page is rendered in headless Chromium
 * offline (skipped with the reason when {@code tools/setup-browser.sh} cannot install it): every variant's rows and
 * a loss curve are visible. Leaves {@code itests/target/screenshots/comparison.png}. And {@code evaluate --level
 * icd10} scores a disorder-level model on ICD-10 codes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
@KeptHome
public class ExperimentIT extends PaxExamRuntime {

    @Test
    public void twoVariantsTrainCompareResumeAndRenderInChromium() throws Exception {
        Path plan = home().resolve("tiny-plan.json");
        String tiny = Files.readString(Paths.get("../examples/experiments/tiny.json"), StandardCharsets.UTF_8);
        assertTrue(tiny.contains("\"phantom:tiny-phantom\""));
        Files.writeString(plan, tiny.replace("\"phantom:tiny-phantom\"", "\"phantom:" + home().resolve("phantom")
                + "\""));
        Path runs = home().resolve("runs-" + System.nanoTime());
        Path out = runs.resolve("experiment");
        Await.until("the experiment command", 60_000, () -> InFramework.command(context, "experiment") != null);
        InFramework.Outcome first = InFramework.call(context, "experiment", plan.toString(), "--out", out.toString());
        assertEquals(first.output(), 0, first.status());
        String json = Files.readString(out.resolve("comparison.json"), StandardCharsets.UTF_8);
        assertTrue(json, json.contains("\"name\": \"mlp\"") && json.contains("\"name\": \"mlp-icd10\""));
        assertTrue(json, json.contains("\"mcc\"") && json.contains("\"lower\"") && json.contains("\"tail\""));
        assertTrue(Files.isRegularFile(out.resolve("variants/mlp/report/report.html")));
        assertTrue(Files.readString(out.resolve("variants/mlp-icd10/report/report.json")).contains("\"R91\"")
                || Files.readString(out.resolve("variants/mlp-icd10/report/report.json")).contains("R91"));

        InFramework.Outcome again = InFramework.call(context, "experiment", plan.toString(), "--out", out.toString());
        assertEquals(again.output(), 0, again.status());
        assertEquals(again.output(), 2, again.output().split("finished before, not run again", -1).length - 1);

        Path bad = home().resolve("bad-plan.json");
        Files.writeString(bad, "{\"dataset\": \"phantom:" + home().resolve("phantom") + "\","
                + " \"datasetOptions\": {\"seed\": \"11\", \"labels\": \"12,4,4\", \"cases\": \"16,6,6\"},"
                + " \"variants\": [{\"name\": \"x\", \"head\": \"no-such-head\"}]}");
        String refused;
        try {
            InFramework.Outcome o = InFramework.call(context, "experiment", bad.toString(), "--out",
                    runs.resolve("bad").toString());
            assertNotEquals(o.output(), 0, o.status());
            refused = o.output();
        } catch (IllegalArgumentException e) {
            refused = e.getMessage();
        }
        assertTrue(refused, refused.contains("bad-plan.json") && refused.contains("variant 'x'"));
        assertTrue("nothing trained for the bad plan", !Files.exists(runs.resolve("bad/variants/x")));

        render(out.resolve("comparison.html"));
    }

    @Test
    public void evaluateAggregatesADisorderModelToIcd10Codes() throws Exception {
        String[] data = {"--dataset", "phantom:" + home().resolve("phantom"), "--dataset-option", "seed=11",
            "--dataset-option", "labels=12,4,4", "--dataset-option", "cases=16,6,6"};
        Path runs = home().resolve("runs-" + System.nanoTime());
        String name = "disorders-" + System.nanoTime();
        Await.until("the train command", 60_000, () -> InFramework.command(context, "train") != null);
        InFramework.Outcome trained = InFramework.call(context, "train", concat(data, "--out",
                runs.resolve("train").toString(), "--name", name + ":1.0.0", "--set", "epochs=1", "--set",
                "image_size=32", "--set", "depth=4", "--set", "slots=2", "--set", "hidden=32", "--set", "batchSize=4"));
        assertEquals(trained.output(), 0, trained.status());
        Await.until("the PyTorch runner", 60_000, () -> {
            try {
                return !context.getServiceReferences(org.raddiag.api.model.ModelRunner.class,
                        "(raddiag.backend=pytorch)").isEmpty();
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        Path report = runs.resolve("icd10");
        InFramework.Outcome icd = InFramework.call(context, "evaluate", concat(concat(new String[] {"--model", name},
                data), "--level", "icd10", "--out", report.toString()));
        assertEquals(icd.output(), 0, icd.status());
        String json = Files.readString(report.resolve("report.json"), StandardCharsets.UTF_8);
        assertTrue(json, json.contains("ICD-10 level") && json.contains("\"R91\"") && json.contains("\"N20\""));
        InFramework.Outcome bad = InFramework.call(context, "evaluate", concat(concat(new String[] {"--model", name},
                data), "--level", "icd9", "--out", report.toString()));
        assertEquals(bad.output(), 2, bad.status());
        assertTrue(bad.output(), bad.output().contains("--level icd9"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private void render(Path html) throws Exception {
        ToolSetup.runOrSkip("setup-browser.sh", "browser check");
        String modules = ToolSetup.browserModules();
        Path script = home().resolve("comparison.js");
        for (String f : new String[] {"comparison.js", "chromium.js"}) {
            try (var in = ExperimentIT.class.getResourceAsStream("/browser/" + f)) {
                Files.copy(in, script.resolveSibling(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path shot = Paths.get("target/screenshots/comparison.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), html.toString(), shot.toString());
        pb.environment().put("NODE_PATH", modules);
        Process node = pb.redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("node did not finish", node.waitFor(180, TimeUnit.SECONDS));
        assertEquals(out, 0, node.exitValue());
        String last = out.strip().substring(out.strip().lastIndexOf('\n') + 1);
        assertTrue(last, last.contains("\"variants\":[\"mlp\",\"mlp-icd10\"]"));
        assertTrue(last, last.contains("\"visibleRows\":{\"mlp\":4,\"mlp-icd10\":4}"));
        assertTrue(last, !last.contains("\"visibleCurves\":0") && last.contains("\"requests\":[]")
                && last.contains("\"errors\":[]"));
        assertTrue(Files.size(shot) > 10_000);
    }
}
