package org.raddiag.workflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentPlanTest {
    @TempDir
    Path dir;

    private Path plan(String json) throws Exception {
        Path p = dir.resolve("plan.json");
        Files.writeString(p, json);
        return p;
    }

    @Test
    void variantsTakeTheSharedSettingsTheirShorthandsAndTheirOwn() throws Exception {
        ExperimentPlan p = ExperimentPlan.read(plan("{\"dataset\": \"phantom:/tmp/x\", \"trainer\": \"djl\","
                + " \"datasetOptions\": {\"cases\": \"8,4,4\", \"size\": 32}, \"bootstrap\": 50,"
                + " \"settings\": {\"epochs\": 1, \"lr\": 1e-3, \"head\": \"mlp\"},"
                + " \"variants\": [{\"name\": \"mlp\"}, {\"name\": \"vit.small\", \"backbone\": \"vit\","
                + " \"settings\": {\"epochs\": 2.0, \"validate\": true}}]}"));
        assertEquals("phantom:/tmp/x", p.dataset());
        assertEquals("djl", p.trainer());
        assertEquals(50, p.bootstrap());
        assertEquals(Map.of("cases", "8,4,4", "size", "32"), p.datasetOptions());
        assertEquals(Map.of("epochs", "1", "lr", "0.001", "head", "mlp"), p.variants().get(0).settings());
        assertEquals(Map.of("epochs", "2", "lr", "0.001", "head", "mlp", "backbone", "vit", "validate", "true"),
                p.variants().get(1).settings());
        assertEquals("vit.small", p.variants().get(1).name());
    }

    @Test
    void badPlansNameTheFileAndTheField() throws Exception {
        bad("{\"variants\": [{\"name\": \"a\"}]}", "field 'dataset' is missing");
        bad("{\"dataset\": \"phantom\"}", "field 'variants' must be a non-empty array");
        bad("{\"dataset\": \"phantom\", \"variants\": []}", "field 'variants' must be a non-empty array");
        bad("{\"dataset\": \"phantom\", \"variant\": [{\"name\": \"a\"}]}", "unknown field 'variant'");
        bad("{\"dataset\": \"phantom\", \"variants\": [{\"name\": \"a\", \"heads\": \"mlp\"}]}",
                "unknown field 'variants[0].heads'");
        bad("{\"dataset\": \"phantom\", \"variants\": [{\"name\": \"a/b\"}]}", "field 'variants[0].name' (a/b)");
        bad("{\"dataset\": \"phantom\", \"variants\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}",
                "'variants[1].name': a second variant called 'a'");
        bad("{\"dataset\": \"phantom\", \"variants\": [{\"head\": \"mlp\"}]}", "field 'variants[0].name' is missing");
        bad("{\"dataset\": \"phantom\", \"variants\": [{\"name\": \"a\", \"settings\": {\"epochs\": [1]}}]}",
                "field 'variants[0].settings.epochs' must be a string, number or boolean");
        bad("{\"dataset\": \"phantom\", \"settings\": 3, \"variants\": [{\"name\": \"a\"}]}",
                "field 'settings' must be an object");
        bad("{\"dataset\": \"phantom\", \"bootstrap\": 0.5, \"variants\": [{\"name\": \"a\"}]}", "field 'bootstrap'");
        bad("{\"dataset\": 7, \"variants\": [{\"name\": \"a\"}]}", "field 'dataset' must be a non-empty string");
        bad("[1, 2]", "a plan is a JSON object");
        bad("{\"dataset\": ", "not JSON");
    }

    @Test
    void aMissingPlanFileIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExperimentPlan.read(dir.resolve("none.json")));
        assertTrue(e.getMessage().contains("none.json: no such plan file"), e.getMessage());
    }

    private void bad(String json, String expected) throws Exception {
        Path p = plan(json);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentPlan.read(p));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
