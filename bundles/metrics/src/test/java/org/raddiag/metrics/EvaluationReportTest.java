package org.raddiag.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.metrics.internal.Html;
import org.w3c.dom.Document;

class EvaluationReportTest {
    private static MetricsFixture fx;
    private static ReferenceEvaluation eval;
    private static EvaluationReport report;

    @BeforeAll
    static void build() throws Exception {
        fx = MetricsFixture.load();
        Predictions all = fx.fromScores();
        Predictions val = all.rows(IntStream.range(0, 100).toArray());
        Predictions test = all.rows(IntStream.range(100, 200).toArray());
        ClassSplits splits = ClassSplits.of(4, 8); // tail [12, 12) is empty
        eval = ReferenceMetrics.evaluate(all, splits);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < fx.classes; c++) {
            names.add(c == 3 ? "a<b & \"c\"" : "disease " + c);
        }
        report = EvaluationReport.of(eval).title("Fixture <report>").labels(names).curves(all, 0, 3, 4, 10)
                .fixedThresholds(ValidationThresholds.fitF1max(val).apply(test, splits))
                .bootstrap(BootstrapIntervals.compute(all, splits, 50, 0.95, 1))
                .calibration(Calibration.pooled(all, 10));
    }

    @Test
    void htmlIsWellFormedSelfContainedAndHasMacroNumbers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        Files.writeString(file, "old");
        report.writeHtml(file);
        String html = Files.readString(file);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no temporary file left behind");
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertEquals("html", doc.getDocumentElement().getLocalName());
        assertEquals(3, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength());
        // ROC + PR for 3 classes (class 10 has no positives) + reliability
        assertEquals(7, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength());
        assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength());
        assertFalse(html.contains("href=") || html.contains("src=") || html.contains("url("));
        MacroMetrics m = eval.all();
        for (double v : new double[] {m.auc(), m.ap(), m.f1max(), m.mcc(), m.recallAtFpr().get(0)}) {
            assertTrue(html.contains("<td>" + Html.num(v) + "</td>"), "macro value " + v);
        }
        assertTrue(html.contains("0.8063"), "mAUC of the fixture");
        assertTrue(html.contains("a&lt;b &amp; &quot;c&quot;"));
        assertTrue(html.contains("Not reference semantics"));
    }

    @Test
    void jsonHasReferenceKeysAndNullForNaN(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub").resolve("report.json");
        report.writeJson(file);
        JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        JsonObject ref = root.getAsJsonObject("reference");
        JsonObject expected = fx.results.getAsJsonObject("reference_macro");
        JsonObject all = ref.getAsJsonObject("macro").getAsJsonObject("all");
        for (String k : expected.keySet()) {
            assertEquals(expected.get(k).getAsDouble(), all.get(k).getAsDouble(), 1e-12, k);
        }
        assertTrue(ref.getAsJsonObject("macro").getAsJsonObject("tail").get("mAUC").isJsonNull());
        assertEquals(12, ref.getAsJsonArray("per_class").size());
        assertEquals(0.5855464935302734, ref.getAsJsonArray("per_class").get(0).getAsJsonObject()
                .get("f1max_threshold").getAsDouble());
        JsonObject extra = root.getAsJsonObject("not_reference");
        assertTrue(extra.has("validation_thresholds") && extra.has("bootstrap") && extra.has("calibration"));
        assertEquals(3, root.getAsJsonObject("curves").size());
    }
}
