package org.raddiag.workflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.metrics.BootstrapIntervals.Interval;
import org.raddiag.metrics.ComparisonReport;
import org.raddiag.metrics.LossCurvePlot.Point;
import org.raddiag.metrics.MacroIntervals;

class VariantFolderTest {
    @TempDir
    Path dir;

    @Test
    void aVariantIsNewThenStartedThenFinishedAndItsResultReadsBack() throws Exception {
        Map<String, String> settings = Map.of("head", "mlp", "epochs", "1");
        VariantFolder f = new VariantFolder(dir, "mlp");
        assertEquals(VariantFolder.State.NEW, f.state(settings));
        f.start(settings);
        assertEquals(VariantFolder.State.STARTED, f.state(settings));
        Interval i = new Interval(0.75, 0.6, 0.9, 50);
        Interval nan = new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
        ComparisonReport.Variant r = new ComparisonReport.Variant("mlp", settings,
                Map.of("all", new MacroIntervals(3, i, i, i, nan)), List.of(new Point(1, 0.7), new Point(2, 0.6)),
                List.of(new Point(2, 0.65)), List.of(new Point(2, Double.NaN)), Map.of("steps", 2.0));
        f.finish(r);
        assertEquals(VariantFolder.State.FINISHED, f.state(settings));
        ComparisonReport.Variant back = f.readResult();
        assertEquals("mlp", back.name());
        assertEquals(settings, back.settings());
        assertEquals(i, back.splits().get("all").auc());
        assertTrue(Double.isNaN(back.splits().get("all").mcc().estimate()));
        assertEquals(r.steps(), back.steps());
        assertTrue(Double.isNaN(back.valEpochs().get(0).loss()));
        assertEquals(2.0, back.training().get("steps"));
    }

    @Test
    void aFolderRunWithOtherSettingsIsRefused() throws Exception {
        VariantFolder f = new VariantFolder(dir, "mlp");
        f.start(Map.of("head", "mlp", "epochs", "1"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> f.state(Map.of("head", "mlp", "epochs", "2")));
        assertTrue(e.getMessage().contains("was run with other settings"), e.getMessage());
        assertEquals(VariantFolder.State.NEW, new VariantFolder(dir, "other").state(Map.of()));
    }
}
