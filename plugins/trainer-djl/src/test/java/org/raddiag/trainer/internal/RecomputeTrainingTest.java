package org.raddiag.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.model.assembly.PluginAssembler;
import org.raddiag.trainer.testutil.RecordingListener;
import org.raddiag.trainer.testutil.SyntheticData;

/**
 * Training with the trunk's first activations checkpointed ({@code recompute=4}: the stem with the first unit, then a
 * segment of two units and one of one) takes the steps of training without: the same losses and the same final
 * weights, BatchNorm's running statistics included.
 */
class RecomputeTrainingTest {
    private static final SyntheticData DATA = new SyntheticData(5, 6, 2, 11);

    private static StateDict train(Path out, String recompute, RecordingListener l) throws Exception {
        return train(out, recompute, false, l);
    }

    private static StateDict train(Path out, String recompute, boolean frozen, RecordingListener l) throws Exception {
        Map<String, String> s = SyntheticData.tinySettings();
        s.put("freezeBackbone", Boolean.toString(frozen));
        s.put("augment", "false");
        s.put("epochs", "2");
        s.put("recompute", recompute);
        var r = DjlTraining.run(s, DATA, DATA.tensorizer(),
                PluginAssembler.fromServiceLoader(PluginAssembler.class.getClassLoader()), out, false, l);
        return SafetensorsFile.read(r.bestWeights().orElseThrow());
    }

    @Test
    void checkpointedTrainingTakesTheSameSteps(@TempDir Path plainOut, @TempDir Path checkpointedOut)
            throws Exception {
        RecordingListener plain = new RecordingListener();
        RecordingListener checkpointed = new RecordingListener();
        StateDict a = train(plainOut, "false", plain);
        StateDict b = train(checkpointedOut, "4", checkpointed);
        assertEquals(plain.losses.size(), checkpointed.losses.size());
        for (int i = 0; i < plain.losses.size(); i++) {
            assertEquals(plain.losses.get(i), checkpointed.losses.get(i), 1e-5, "step " + (i + 1));
        }
        for (String key : List.of("resnet2D.conv1.weight", "resnet2D.bn1.running_mean", "resnet2D.bn1.running_var",
                "resnet2D.layer1.0.conv1.weight", "resnet2D.layer4.1.conv2.weight")) {
            float[] x = a.get(key).floats();
            float[] y = b.get(key).floats();
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], y[i], 1e-5f, key + "[" + i + "]");
            }
        }
        assertFalse(a.get("resnet2D.bn1.running_mean").floats()[0] == 0f, "the statistics moved");
    }

    @Test
    void aFrozenBackboneHasNothingToRecompute(@TempDir Path plainOut, @TempDir Path checkpointedOut)
            throws Exception {
        RecordingListener plain = new RecordingListener();
        RecordingListener checkpointed = new RecordingListener();
        train(plainOut, "false", true, plain);
        train(checkpointedOut, "1", true, checkpointed);
        assertEquals(plain.losses, checkpointed.losses);
    }

    @Test
    void theSettingIsAutoTrueFalseOrAStageCount() {
        Map<String, String> fullSize = Map.of("image_size", "256", "depth", "32", "batchSize", "1");
        assertEquals(5, TrainingSpec.of(with(fullSize, "slots", "4")).recomputeUnits(), "auto: on for 4 scans");
        assertEquals(5, TrainingSpec.of(with(fullSize, "slots", "1")).recomputeUnits(), "auto: on for 1 scan");
        assertEquals(0, TrainingSpec.of(Map.of("image_size", "32")).recomputeUnits(), "auto: off for small slices");
        assertEquals(5, TrainingSpec.of(Map.of("image_size", "32", "recompute", "true")).recomputeUnits());
        assertEquals(3, TrainingSpec.of(Map.of("recompute", "3")).recomputeUnits());
        assertEquals(16, TrainingSpec.of(Map.of("recompute", "16")).recomputeUnits());
        assertThrows(IllegalArgumentException.class, () -> TrainingSpec.of(Map.of("recompute", "-1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingSpec.of(Map.of("recompute", "sometimes")));
        assertTrue(e.getMessage().contains("recompute must be auto, true, false or a unit count 0-64"), e.getMessage());
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
