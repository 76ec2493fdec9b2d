package org.raddiag.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Finding;
import org.raddiag.core.cases.LoadedCase;
import org.raddiag.embedded.EmbeddedModels;
import org.raddiag.embedded.EmbeddedPipeline;
import org.raddiag.embedded.EmbeddedPipelineBuilder;
import org.raddiag.testsupport.Dcmtk;

/**
 * A PACS-export tree of DICOM studies written by dcmtk's {@code dump2dcm} (an independent writer): a study of two
 * series under a patient folder, and a second study of two series directly in the archive. Each study is listed as
 * one case, also when the study folder itself is the input, and is diagnosed with one scan per series, with the
 * probabilities of the embedded pipeline (the code {@code raddiag diagnose STUDY} runs) on that study.
 */
class DicomStudyTreeTest {
    private static final int SIZE = 32;
    private static final int SLICES = 4;

    @TempDir
    Path dir;

    @Test
    void eachStudyIsOneCaseWithOneScanPerSeries() throws Exception {
        assumeTrue(Dcmtk.available("dump2dcm"), "dcmtk (dump2dcm) is not installed: tools/fetch-test-data.sh "
                + "installs it");
        Path archive = dir.resolve("export");
        Path study1 = archive.resolve("PATIENT1/STUDY1");
        Path study2 = archive.resolve("STUDY2");
        series(study1.resolve("SERIES1"), 1, 1);
        series(study1.resolve("SERIES2"), 1, 2);
        series(study2.resolve("SERIES1"), 2, 1);
        series(study2.resolve("SERIES2"), 2, 2);
        CaseLister lister = new CaseLister("articles", EmbeddedPipelineBuilder.scanFiles(getClass().getClassLoader()));
        List<CaseUnit> units = lister.list(archive);
        assertEquals(List.of(study1.toString(), study2.toString()), units.stream().map(CaseUnit::path).toList());
        assertEquals(List.of(study1.toString()), lister.list(study1).stream().map(CaseUnit::path).toList(),
                "a study folder given as the input is one case, not one per series");

        Path model = dir.resolve("model");
        EmbeddedModels.initialize("demo-small", "study-test", "1.0.0", 3, model);
        Path out = dir.resolve("out");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int rc = new SparkDiagnoseCommand().run(List.of("--model", model.toString(), "--input", archive.toString(),
                "--output", out.toString(), "--master", "local[2]", "--cases-per-partition", "1", "--backend",
                "onnxruntime", "--json"), ps, ps);
        String text = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, text);
        JsonObject summary = JsonParser.parseString(text).getAsJsonObject();
        assertEquals(2, summary.get("cases").getAsInt(), text);

        try (EmbeddedPipeline embedded = EmbeddedPipeline.builder().model(model).backend("onnxruntime").build();
                SparkSession spark = SparkSession.builder().master("local[2]").appName("study-test").getOrCreate()) {
            List<Row> findings = spark.read().parquet(out + "/batches/*/findings.parquet").collectAsList();
            assertEquals(2, findings.size(), findings.toString());
            double worst = 0;
            for (Row r : findings) {
                List<LoadedCase> cases = embedded.locate(Paths.get(r.<String>getAs("source")), null);
                assertEquals(1, cases.size());
                assertTrue(cases.get(0).problems().isEmpty(), cases.get(0).problems().toString());
                int scans = cases.get(0).value().scans().size();
                assertEquals(2, scans, "one scan per series of " + r.getAs("source"));
                Diagnosis d = embedded.diagnose(cases.get(0).value(), 0);
                List<Double> p = r.getList(r.fieldIndex("probabilities"));
                for (Finding f : d.findings()) {
                    worst = Math.max(worst, Math.abs(f.probability() - p.get(f.index())));
                }
            }
            System.out.println("DICOM study tree: 2 studies, max |p(spark) - p(embedded)| = " + worst);
            assertTrue(worst <= 1e-5, "Spark and the embedded pipeline differ by " + worst);
        }
    }

    /** One axial CT series of {@value #SLICES} slices of study {@code study}, series {@code series}. */
    private static void series(Path folder, int study, int series) throws Exception {
        Files.createDirectories(folder);
        String uid = "1.2.826.0.1.3680043.9.7433." + study;
        int shift = 37 * series + 11 * study;
        for (int slice = 0; slice < SLICES; slice++) {
            int k = slice;
            Dcmtk.ctSlice(folder.resolve(String.format(Locale.ROOT, "IM%04d", k)), SIZE,
                    (row, col) -> (shift + 60 * k + 7 * row + 3 * col) % 900 + 524, List.of(
                            "(0008,0018) UI " + uid + "." + series + ".9." + (k + 1),
                            "(0010,0010) PN [Patient^" + study + "]",
                            "(0020,000d) UI " + uid,
                            "(0020,000e) UI " + uid + "." + series,
                            "(0020,0013) IS [" + (k + 1) + "]",
                            String.format(Locale.ROOT, "(0020,0032) DS [-3\\-4\\%.1f]", 2.5 * k - 10),
                            "(0028,0030) DS [0.75\\0.5]"));
        }
    }
}
