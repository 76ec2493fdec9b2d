package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Sample;
import org.raddiag.api.diagnosis.DiagnosisException;
import org.raddiag.api.diagnosis.DiagnosisRequest;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.api.text.KnowledgeLabels;

/**
 * The knowledge head end to end in the real framework: {@code train --set head=knowledge --set text_encoder=MiniLM
 * --set withhold=...} embeds the labels into a self-contained package, which diagnoses alike on PyTorch and ONNX
 * Runtime and exports to ONNX; zero-shot labels are scored through the recorded encoder (the model's own label names
 * given as texts reproduce its own scores), by {@code diagnose --labels} and {@code evaluate --zero-shot}; a resumed
 * run reuses the embeddings file.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
@KeptHome
public class KnowledgeHeadIT extends PaxExamRuntime {
    private static final String MINILM = "all-minilm-l6-v2";
    private static final String WITHHELD = "Pleural effusion;Cardiomegaly";
    private static final String[] SMALL = concat(PhantomDatasets.SMALL_TRAINING, "--set", "backbone=resnet18");
    /** A model name and run folder of this execution (the home under target/ survives between builds). */
    private static final String NAME = "knowledge-it-" + System.nanoTime();

    @Test
    public void a_trainWithATextEncoderMakesASelfContainedPackageThatBothBackendsRunAlike() throws Exception {
        Path data = phantom();
        Path out = home().resolve("runs/" + NAME);
        assertEquals(0, InFramework.run(context, "train", trainArgs(data, out, "--name", NAME + ":1.0.0")));

        ModelPackage pkg = registry().find(ModelRef.parse(NAME)).orElseThrow();
        ArchitectureConfig arch = pkg.architecture();
        assertEquals("label-embeddings.npy", arch.get(KnowledgeLabels.EMBEDDINGS));
        assertEquals(MINILM, arch.get(KnowledgeLabels.ENCODER));
        assertEquals("384", arch.get(KnowledgeLabels.ENCODER_DIMENSION));
        assertEquals("mean", arch.get(KnowledgeLabels.ENCODER_POOLING));
        assertEquals(64, arch.get(KnowledgeLabels.EMBEDDINGS_SHA256).length());
        assertTrue("the embeddings travel in the package",
                Files.isRegularFile(pkg.weights().resolveSibling("label-embeddings.npy")));
        assertEquals("the withheld labels are not the model's", 10, pkg.labels().size());
        assertTrue(pkg.labels().indexOf("Pleural effusion").isEmpty());

        Map<String, Double> pt = Findings.probabilities(diagnose(NAME, "pytorch", List.of()));
        Map<String, Double> ort = Findings.probabilities(diagnose(NAME, "onnxruntime", List.of()));
        assertEquals(pt.keySet(), ort.keySet());
        double diff = Findings.maxDifference(pt, ort);
        System.out.printf("knowledge head: max |pytorch - onnxruntime| probability %.3g%n", diff);
        assertTrue("backends disagree by " + diff, diff <= 1e-4);
        Path onnx = out.resolve(NAME + ".onnx");
        assertEquals(0, InFramework.run(context, "export-onnx", "--model", NAME, onnx.toString()));
        assertTrue(Files.size(onnx) > 1000);
    }

    @Test
    public void b_zeroShotLabelsAreScoredThroughTheRecordedEncoder() throws Exception {
        ModelPackage pkg = registry().find(ModelRef.parse(NAME)).orElseThrow();
        Map<String, Double> own = Findings.probabilities(diagnose(NAME, "pytorch", List.of()));
        // the model's own label names as zero-shot texts rebuild its class matrix exactly: the same scores
        Map<String, Double> again = Findings.probabilities(diagnose(NAME, "pytorch", pkg.labels().labels()));
        assertEquals(own.keySet(), again.keySet());
        double same = Findings.maxDifference(own, again);
        assertTrue("own labels as texts: " + same, same <= 1e-5);

        List<String> unseen = List.of("Pleural effusion", "Cardiomegaly", "enlarged heart");
        Diagnosis pt = diagnose(NAME, "pytorch", unseen);
        assertEquals(unseen.size(), pt.findings().size());
        Map<String, Double> zp = Findings.probabilities(pt);
        assertEquals(new java.util.TreeSet<>(unseen), zp.keySet());
        Map<String, Double> zo = Findings.probabilities(diagnose(NAME, "onnxruntime", unseen));
        double zeroShotDiff = Findings.maxDifference(zp, zo);
        assertTrue("zero-shot backends disagree by " + zeroShotDiff, zeroShotDiff <= 1e-4);
        assertNotEquals(zp.get("Pleural effusion"), zp.get("Cardiomegaly"));

        Path caseDir = home().resolve("phantom");
        InFramework.Outcome d = InFramework.call(context, "diagnose", testCase(caseDir).toString(), "--model", NAME,
                "--labels", "Pleural effusion; Cardiomegaly", "--json");
        assertEquals(d.output(), 0, d.status());
        assertTrue(d.output(), d.output().contains("\"Cardiomegaly\""));
        Path labelsFile = Files.writeString(home().resolve("zero-shot-labels.txt"), "Pleural effusion\nCardiomegaly\n");
        assertEquals(0, InFramework.run(context, "diagnose", testCase(caseDir).toString(), "--model", NAME,
                "--labels", labelsFile.toString()));

        Path mapping = Files.writeString(home().resolve("zero-shot.json"),
                "{\"Pleural effusion\": \"Pleural effusion\", \"Cardiomegaly\": [\"Cardiomegaly\", \"enlarged heart\"]}");
        Path report = home().resolve("zero-shot-eval");
        InFramework.Outcome e = InFramework.call(context, "evaluate", "--model", NAME, "--dataset",
                "rp3d:" + caseDir, "--zero-shot", mapping.toString(), "--out", report.toString());
        assertEquals(e.output(), 0, e.status());
        JsonObject z = JsonParser.parseString(Files.readString(report.resolve("zero-shot.json"))).getAsJsonObject();
        assertEquals(2, z.getAsJsonArray("labels").size());
        System.out.println("zero-shot macro AUC of the withheld labels: " + z.get("macroAuc"));
    }

    @Test
    public void c_zeroShotRefusesModelsWithoutAKnowledgeHeadOrEncoder() throws Exception {
        String mlp = InFramework.initDemoModel(context, "mlp-", 3);
        try {
            diagnose(mlp, "pytorch", List.of("Cardiomegaly"));
            throw new AssertionError("zero-shot on an MLP-head model");
        } catch (DiagnosisException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("has no knowledge head"));
        }
        try {
            InFramework.run(context, "train", concat(new String[] {"--dataset", "rp3d:" + phantom(), "--out",
                home().resolve("runs/no-encoder").toString(), "--set", "head=knowledge", "--set",
                "text_encoder=no-such-encoder"}, SMALL));
            throw new AssertionError("trained with an encoder that is not installed");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("no text encoder 'no-such-encoder'"));
            assertTrue(expected.getMessage(), expected.getMessage().contains(MINILM));
        }
    }

    @Test
    public void d_aResumedRunReusesItsLabelEmbeddings() throws Exception {
        Path out = home().resolve("runs/" + NAME);
        Path file = out.resolve("label-embeddings.npy");
        long before = Files.getLastModifiedTime(file).toMillis();
        byte[] bytes = Files.readAllBytes(file);
        InFramework.Outcome o = InFramework.call(context, "train", concat(trainArgs(phantom(), out, "--no-register"),
                "--resume"));
        assertEquals(o.output(), 0, o.status());
        assertTrue(o.output(), o.output().contains("reused from"));
        assertEquals(before, Files.getLastModifiedTime(file).toMillis());
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(file)));
    }

    private String[] trainArgs(Path data, Path out, String... extra) {
        return concat(concat(new String[] {"--dataset", "rp3d:" + data, "--out", out.toString(), "--set",
            "head=knowledge", "--set", "text_encoder=" + MINILM, "--set", "withhold=" + WITHHELD}, SMALL), extra);
    }

    private Diagnosis diagnose(String model, String backend, List<String> labels) throws Exception {
        DiagnosisService diagnosis = InFramework.service(context, DiagnosisService.class);
        Case c = new Case("knowledge-it", List.of(new Sample(Modality.CT, List.of(PhantomScans.ct()))), List.of());
        return diagnosis.diagnose(c, new DiagnosisRequest(ModelRef.parse(model), backend, 0, labels));
    }

    private ModelRegistry registry() {
        return InFramework.service(context, ModelRegistry.class);
    }

    /** One image of the phantom dataset (a .npy volume, as the reference's demo data). */
    private static Path testCase(Path phantom) throws Exception {
        try (var s = Files.list(phantom.resolve("data"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".npy")).sorted().findFirst().orElseThrow();
        }
    }

    private Path phantom() throws Exception {
        return PhantomDatasets.small(context, home(), "24,8,16");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
