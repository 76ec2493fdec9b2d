package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;
import org.raddiag.api.diagnosis.DiagnosisRequest;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.model.ModelRef;

/**
 * Every workflow builds the network from the plugins the architecture names: a tiny phantom training with
 * {@code --set backbone=vit} and with {@code --set backbone=resnet34} trains, registers, diagnoses, exports to ONNX
 * and gives the same probabilities on both backends; stopping the ResNet plugin bundle while {@code train} runs ends
 * that run with a clear message and a checkpoint it resumes from once the bundle is back. The backbone template of
 * {@code examples/backbone-tinycnn} hot-deploys and does all of that too, and is a clear error once uninstalled.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
@KeptHome
public class ArchitecturePluginsIT extends PaxExamRuntime {
    private static final String[] SMALL = PhantomDatasets.SMALL_TRAINING;

    @Test
    public void a_vitAndResNet34TrainRegisterDiagnoseAndExport() throws Exception {
        Path data = PhantomDatasets.small(context, home(), "24,8,8");
        trainDiagnoseExport(data, "vit", "--set", "vit.dim=32", "--set", "vit.depth=1", "--set", "vit.heads=2",
                "--set", "vit.dim_head=16", "--set", "vit.patch=8");
        trainDiagnoseExport(data, "resnet34");
    }

    @Test
    public void b_stoppingTheBackboneBundleEndsTrainingWithAResumableCheckpoint() throws Exception {
        Path data = PhantomDatasets.small(context, home(), "24,8,8");
        Path out = home().resolve("runs/stopped-" + System.nanoTime());
        String[] args = concat(new String[] {"--dataset", "rp3d:" + data, "--out", out.toString(), "--no-register",
            "--set", "backbone=resnet34", "--set", "checkpointEvery=1"}, SMALL);
        args = concat(args, "--set", "epochs=6");
        Bundle resnet = InFramework.bundle(context, "raddiag-backbone-resnet");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Integer> status = new AtomicReference<>();
        String[] first = args;
        Thread run = new Thread(() -> {
            try {
                status.set(InFramework.run(context, "train", first));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "train-while-stopping");
        run.start();
        try {
            Path metrics = out.resolve("metrics.jsonl");
            Await.until("the first training step", 300_000,
                    () -> Files.exists(metrics) && read(metrics).contains("\"type\":\"step\""));
            resnet.stop();
            run.join(300_000);
            assertTrue("the run ended", !run.isAlive());
            Throwable t = failure.get();
            assertNotNull("train should fail once its backbone is gone, exit status was " + status.get(), t);
            System.out.println("train ended with: " + t);
            assertTrue(t.getMessage(), t.getMessage().contains("backbone plugin 'resnet34' was removed"));
            assertTrue(t.getMessage(), t.getMessage().contains("--resume"));
            List<String> checkpoints;
            try (Stream<Path> l = Files.list(out.resolve("checkpoints"))) {
                checkpoints = l.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("ckpt-"))
                        .collect(Collectors.toList());
            }
            assertEquals("one complete checkpoint: " + checkpoints, 1, checkpoints.size());
        } finally {
            resnet.start();
        }
        Await.until("the train command with the ResNet plugin back", 60_000,
                () -> InFramework.command(context, "train") != null);
        assertEquals("the run resumes once the plugin is back", 0,
                InFramework.run(context, "train", concat(args, "--resume")));
        assertTrue(read(out.resolve("metrics.jsonl")).contains("\"type\":\"epoch\""));
    }

    @Test
    public void c_backboneTemplateHotDeploysTrainsDiagnosesAndExports() throws Exception {
        Path data = PhantomDatasets.small(context, home(), "24,8,8");
        long core = InFramework.bundle(context, "raddiag-core").getLastModified();
        Bundle plugin = context.installBundle("example-tinycnn", Files.newInputStream(
                RuntimeOptions.probePlugins().resolve("raddiag-example-backbone-tinycnn.jar")));
        try {
            plugin.start();
            trainDiagnoseExport(data, "tinycnn", "--set", "tinycnn.width=16");
        } finally {
            plugin.uninstall();
            InFramework.refresh(context, plugin);
        }
        Path out = home().resolve("runs/tinycnn-gone-" + System.nanoTime());
        String gone;
        try {
            InFramework.Outcome o = InFramework.call(context, "train", concat(new String[] {"--dataset",
                "rp3d:" + data, "--out", out.toString(), "--no-register", "--set", "backbone=tinycnn"}, SMALL));
            assertTrue("train without the plugin must fail: " + o, o.status() != 0);
            gone = o.output();
        } catch (Exception e) {
            gone = String.valueOf(e.getMessage());
        }
        assertTrue("the error names the missing backbone and the installed ones: " + gone,
                gone.contains("tinycnn") && gone.contains("resnet34"));
        assertEquals("core was not restarted or refreshed", core,
                InFramework.bundle(context, "raddiag-core").getLastModified());
    }

    private void trainDiagnoseExport(Path data, String backbone, String... extra) throws Exception {
        String name = "arch-" + backbone + "-" + System.nanoTime();
        Path out = home().resolve("runs/" + name);
        String[] args = concat(concat(new String[] {"--dataset", "rp3d:" + data, "--out", out.toString(), "--name",
            name + ":1.0.0", "--set", "backbone=" + backbone}, SMALL), extra);
        assertEquals("train " + backbone, 0, InFramework.run(context, "train", args));

        DiagnosisService diagnosis = InFramework.service(context, DiagnosisService.class);
        Case c = syntheticCase();
        Diagnosis pt = diagnosis.diagnose(c, new DiagnosisRequest(ModelRef.parse(name), "pytorch", 0));
        Diagnosis ort = diagnosis.diagnose(c, new DiagnosisRequest(ModelRef.parse(name), "onnxruntime", 0));
        Map<String, Double> a = Findings.probabilities(pt);
        Map<String, Double> b = Findings.probabilities(ort);
        assertEquals(a.keySet(), b.keySet());
        double diff = Findings.maxDifference(a, b);
        System.out.printf("%s: %d findings, max |pytorch - onnxruntime| probability %.3g%n", backbone, a.size(), diff);
        assertTrue(backbone + ": backends disagree by " + diff, diff <= 1e-4);

        Path onnx = out.resolve(name + ".onnx");
        assertEquals("export-onnx " + backbone, 0, InFramework.run(context, "export-onnx", "--model", name,
                onnx.toString()));
        assertTrue(Files.size(onnx) > 1000);
    }

    private static Case syntheticCase() {
        Random r = new Random(3);
        float[] v = new float[48 * 40 * 6];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * 50 + 40);
        }
        Scan ct = new Scan(new Volume(v, 48, 40, 6), Modality.CT, Plane.AXIAL, 2, "phantom-ct");
        float[] x = new float[32 * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 32;
        }
        Scan xray = new Scan(new Volume(x, 32, 32, 1), Modality.XRAY, Plane.FRONTAL, -1, "phantom-xray");
        return new Case("phantom", List.of(new Sample(Modality.CT, List.of(ct)), new Sample(Modality.XRAY,
                List.of(xray))), List.of());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(new String[0]);
    }
}
