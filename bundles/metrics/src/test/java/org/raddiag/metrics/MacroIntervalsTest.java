package org.raddiag.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.LabelSet.Split;
import org.raddiag.metrics.LossCurvePlot.Point;

class MacroIntervalsTest {
    @TempDir
    Path dir;

    @Test
    void aucAndApMatchBootstrapIntervalsAndEstimatesMatchTheReferenceMacros() {
        Predictions p = BootstrapIntervalsTest.noisy();
        ClassSplits splits = ClassSplits.of(1, 1);
        Map<String, MacroIntervals> m = MacroIntervals.compute(p, splits, 40, 0.9, 11);
        BootstrapIntervals b = BootstrapIntervals.compute(p, splits, 40, 0.9, 11);
        ReferenceEvaluation ref = ReferenceMetrics.evaluate(p, splits);
        assertEquals(List.of("head", "medium", "tail", "all"), List.copyOf(m.keySet()));
        assertEquals(b.all().auc(), m.get("all").auc());
        assertEquals(b.all().ap(), m.get("all").ap());
        assertEquals(b.bySplit().get(Split.TAIL).auc(), m.get("tail").auc());
        assertEquals(ref.all().f1max(), m.get("all").f1max().estimate(), 1e-12);
        assertEquals(ref.all().mcc(), m.get("all").mcc().estimate(), 1e-12);
        assertEquals(ref.bySplit().get(Split.HEAD).mcc(), m.get("head").mcc().estimate(), 1e-12);
        for (MacroIntervals x : m.values()) {
            for (BootstrapIntervals.Interval i : x.values()) {
                assertTrue(i.lower() <= i.estimate() + 0.2 && i.lower() <= i.upper(), i.toString());
            }
        }
        assertEquals(3, m.get("all").classes());
    }

    @Test
    void theComparisonPageHasARowPerVariantAndSplitAndAnInlineCurvePerVariant() throws Exception {
        Map<String, MacroIntervals> m = MacroIntervals.compute(BootstrapIntervalsTest.noisy(), ClassSplits.of(1, 1),
                20, 0.95, 1);
        List<Point> steps = List.of(new Point(1, 0.9), new Point(2, 0.7), new Point(3, 0.6));
        ComparisonReport r = ComparisonReport.of("cmp <test>", "phantom", List.of(
                new ComparisonReport.Variant("mlp", Map.of("head", "mlp"), m, steps, List.of(new Point(3, 0.7)),
                        List.of(new Point(3, 0.8)), Map.of("steps", 3.0)),
                new ComparisonReport.Variant("knowledge", Map.of("head", "knowledge"), m, steps, List.of(),
                        List.of(), Map.of())));
        r.writeHtml(dir.resolve("c.html"));
        r.writeJson(dir.resolve("c.json"));
        String html = Files.readString(dir.resolve("c.html"));
        assertEquals(8, html.split("class=\"variant-row", -1).length - 1);
        assertEquals(2, html.split("<figure class=\"curve\"", -1).length - 1);
        assertEquals(2, html.split("<polyline", -1).length - 1);
        assertTrue(html.contains("cmp &lt;test&gt;") && !html.contains("http://") || html.contains("xmlns"));
        assertTrue(!html.contains("<script") && !html.contains("src=") && !html.contains("href="));
        String json = Files.readString(dir.resolve("c.json"));
        assertTrue(json.contains("\"f1max\"") && json.contains("\"mcc\"") && json.contains("\"knowledge\""), json);
    }
}
