package org.raddiag.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.api.train.TrainingListener;
import org.raddiag.api.train.TrainingOutcome;
import org.raddiag.testsupport.Components;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.model.assembly.PluginAssembler;
import org.raddiag.trainer.testutil.RecordingListener;
import org.raddiag.trainer.testutil.SyntheticData;

/** Training builds its network from the plugins the architecture names, and stops cleanly when one goes away. */
class PluginAssemblyTrainingTest {
    private static final SyntheticData DATA = new SyntheticData(5, 6, 2, 11);

    private static Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> s = SyntheticData.tinySettings();
        s.put("augment", "false");
        s.putAll(extra);
        return s;
    }

    @Test
    void vitBackboneTrains(@TempDir Path out) throws Exception {
        RecordingListener l = new RecordingListener();
        TrainingOutcome r = DjlTraining.run(settings(Map.of("backbone", "vit", "vit.dim", "16", "vit.depth", "1",
                "vit.heads", "2", "vit.dim_head", "8", "vit.patch", "8", "epochs", "2")), DATA, DATA.tensorizer(),
                PluginAssembler.fromServiceLoader(PluginAssembler.class.getClassLoader()), out, false, l);
        assertEquals(6, l.losses.size());
        assertTrue(l.losses.stream().allMatch(Double::isFinite), "losses " + l.losses);
        assertEquals("vit", r.architecture().get("backbone"));
        var keys = SafetensorsFile.read(r.bestWeights().orElseThrow()).keys();
        assertTrue(keys.contains("resnet2D.to_patch_embedding.2.weight"), "ViT weights under resnet2D.: " + keys);
        assertTrue(keys.contains("projection.weight"), "ViT width 16 is projected to hidden 32");
    }

    @Test
    void missingBackboneNamesTheInstalledOnes(@TempDir Path out) {
        IOException e = assertThrows(IOException.class, () -> DjlTraining.run(settings(Map.of("backbone", "convnext")),
                DATA, DATA.tensorizer(), PluginAssembler.fromServiceLoader(PluginAssembler.class.getClassLoader()), out, false, null));
        assertTrue(e.getMessage().contains("no backbone plugin 'convnext' is installed (installed: [resnet18, resnet34,"
                + " resnet50, vit]"), e.getMessage());
    }

    @Test
    void removedBackboneStopsTheRunWithAResumableCheckpoint(@TempDir Path tmp) throws Exception {
        Map<String, String> s = settings(Map.of("maxSteps", "6"));
        RecordingListener full = new RecordingListener();
        DjlTraining.run(s, DATA, DATA.tensorizer(), PluginAssembler.fromServiceLoader(PluginAssembler.class.getClassLoader()), tmp.resolve("full"), false, full);

        PluginAssembler assembler = PluginAssembler.fromServiceLoader(PluginAssembler.class.getClassLoader());
        SliceBackbone resnet = Components.backbone("resnet18");
        assembler.addBackbone("resnet18", resnet);
        RecordingListener before = new RecordingListener();
        TrainingListener stopper = new TrainingListener() {
            @Override
            public void step(int epoch, long step, long totalSteps, Map<String, Double> metrics) {
                before.step(epoch, step, totalSteps, metrics);
                if (step == 4) {
                    assembler.removeBackbone("resnet18", resnet); // what DS does when the plugin bundle stops
                }
            }

            @Override
            public void epoch(int epoch, Map<String, Double> metrics) {
            }
        };
        Path out = tmp.resolve("stopped");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DjlTraining.run(s, DATA, DATA.tensorizer(), assembler, out, false, stopper));
        assertTrue(e.getMessage().contains("training stopped after step 4: backbone plugin 'resnet18' was removed"),
                e.getMessage());
        assertTrue(e.getMessage().contains("checkpoints/ckpt-0000000004") && e.getMessage().contains("--resume"),
                e.getMessage());
        try (Stream<Path> l = Files.list(out.resolve(DjlTraining.CHECKPOINTS))) {
            assertEquals(List.of("ckpt-0000000004"), l.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        }

        assembler.addBackbone("resnet18", Components.backbone("resnet18")); // the plugin is back
        RecordingListener resumed = new RecordingListener();
        TrainingOutcome r = DjlTraining.run(s, DATA, DATA.tensorizer(), assembler, out, true, resumed);
        assertEquals(4.0, r.summary().get(DjlTraining.RESUMED_FROM));
        assertEquals(List.of(5L, 6L), resumed.steps);
        for (int i = 0; i < 6; i++) {
            double got = i < 4 ? before.losses.get(i) : resumed.losses.get(i - 4);
            assertEquals(full.losses.get(i), got, 1e-6, "step " + (i + 1));
        }
    }
}
