package org.raddiag.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Finding;
import org.raddiag.api.diagnosis.DiagnosisException;
import org.raddiag.core.cases.LoadedCase;
import org.raddiag.testsupport.TestData;

/** The embedded pipeline on the RP3D demo cases: both backends agree, and bad input is refused with the reason. */
class EmbeddedPipelineTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void model() throws IOException {
        model = dir.resolve("model");
        EmbeddedModels.initialize("demo-small", "embedded-test", "1.0.0", 3, model);
    }

    @Test
    void bothBackendsGiveTheSameProbabilitiesOnTheDemoCases() throws Exception {
        Path demo = TestData.root().resolve("rp3d-demo/demoData.json");
        try (EmbeddedPipeline torch = EmbeddedPipeline.builder().model(model).backend("pytorch").build();
                EmbeddedPipeline ort = EmbeddedPipeline.builder().model(model).backend("onnxruntime").threads(2)
                        .build()) {
            List<LoadedCase> cases = ort.locate(demo, null);
            assertEquals(3, cases.size());
            double worst = 0;
            int diagnosed = 0;
            for (LoadedCase c : cases) {
                if (c.value().samples().isEmpty()) {
                    continue; // the demo's first case names files that are not shipped
                }
                diagnosed++;
                Diagnosis a = torch.diagnose(c.value(), 0);
                Diagnosis b = ort.diagnose(c.value(), 0);
                assertEquals("pytorch", a.backend());
                assertEquals("onnxruntime", b.backend());
                assertEquals("embedded-test", b.modelName());
                assertEquals(ort.modelPackage().labels().size(), b.findings().size());
                double[] pa = byIndex(a);
                double[] pb = byIndex(b);
                for (int i = 0; i < pa.length; i++) {
                    worst = Math.max(worst, Math.abs(pa[i] - pb[i]));
                }
                assertTrue(b.timingsMs().get("total") > 0);
            }
            assertEquals(2, diagnosed);
            System.out.println("max |p(pytorch) - p(onnxruntime)| over the demo cases: " + worst);
            assertTrue(worst < 1e-5, "backends differ by " + worst);
        }
    }

    @Test
    void aCaseWithoutReadableScansIsADiagnosisError() throws Exception {
        try (EmbeddedPipeline ort = EmbeddedPipeline.builder().model(model).backend("onnxruntime").build()) {
            DiagnosisException e = assertThrows(DiagnosisException.class,
                    () -> ort.diagnose(new Case("empty", List.of(), List.of()), 0));
            assertTrue(e.getMessage().contains("empty") && e.getMessage().contains("no readable scan"), e.getMessage());
        }
    }

    @Test
    void missingPackageAndUnknownBackendAreRefusedWithTheReason() throws Exception {
        Path missing = dir.resolve("nothing-here");
        IOException e = assertThrows(IOException.class,
                () -> EmbeddedPipeline.builder().model(missing).backend("onnxruntime").build());
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("no such folder"),
                e.getMessage());
        Path notAPackage = Files.createDirectories(dir.resolve("empty-folder"));
        e = assertThrows(IOException.class, () -> EmbeddedPipeline.builder().model(notAPackage).build());
        assertTrue(e.getMessage().contains("model.json"), e.getMessage());
        e = assertThrows(IOException.class, () -> EmbeddedPipeline.builder().model(model).backend("tpu").build());
        assertTrue(e.getMessage().contains("'tpu'") && e.getMessage().contains("onnxruntime"), e.getMessage());
    }

    static double[] byIndex(Diagnosis d) {
        double[] p = new double[d.findings().size()];
        for (Finding f : d.findings()) {
            p[f.index()] = f.probability();
        }
        return p;
    }
}
