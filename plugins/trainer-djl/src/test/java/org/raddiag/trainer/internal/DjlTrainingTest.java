package org.raddiag.trainer.internal;

import org.raddiag.model.assembly.PluginAssembler;

import org.raddiag.api.train.TrainingOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.trainer.testutil.RecordingListener;
import org.raddiag.trainer.testutil.SyntheticData;

class DjlTrainingTest {
    private static final SyntheticData DATA = new SyntheticData(5, 6, 2, 11);

    private static TrainingOutcome train(Map<String, String> extra, Path out, boolean resume, RecordingListener l)
            throws Exception {
        Map<String, String> s = SyntheticData.tinySettings();
        s.putAll(extra);
        return DjlTraining.run(s, DATA, DATA.tensorizer(), PluginAssembler.fromServiceLoader(PluginAssembler.class.getClassLoader()), out, resume, l);
    }

    @Test
    void tinyRadNetOverfitsAHandfulOfCases(@TempDir Path out) throws Exception {
        RecordingListener l = new RecordingListener();
        // 60 steps: after 30, the ratio spread over seeds 1-6 was 0.37-0.58 (float rounding alone moves it), so
        // halving the loss only holds with room to spare further on
        TrainingOutcome r = train(Map.of("epochs", "20", "lr", "3e-3", "validate", "false", "seed", "3"), out, false, l);
        assertEquals(60, l.losses.size());
        double first = (l.losses.get(0) + l.losses.get(1) + l.losses.get(2)) / 3;
        double last = (l.losses.get(57) + l.losses.get(58) + l.losses.get(59)) / 3;
        System.out.printf("[overfit] loss %.4f -> %.4f over 60 steps%n", first, last);
        assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
        assertEquals(60.0, r.summary().get(DjlTraining.STEPS));
        assertEquals(20.0, r.summary().get(DjlTraining.EPOCHS_DONE));
        assertTrue(r.bestWeights().isPresent());
        assertEquals("5", r.architecture().get("classes"));
        StateDict best = SafetensorsFile.read(r.bestWeights().get());
        assertTrue(best.contains("fc.2.weight") && best.contains("resnet2D.bn1.running_mean"));
        assertTrue(Files.exists(out.resolve("best").resolve(DjlTraining.ARCHITECTURE_FILE)));
        List<Map<String, Double>> metrics = MetricsLog.read(out.resolve(DjlTraining.METRICS));
        assertEquals(60, metrics.stream().filter(m -> m.get("type") == 0).count());
        assertEquals(20, metrics.stream().filter(m -> m.get("type") == 1).count());
        String svg = Files.readString(out.resolve("loss-curve.svg"));
        assertTrue(svg.startsWith("<svg") && svg.contains("<polyline") && svg.trim().endsWith("</svg>"));
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                out.resolve("loss-curve.svg").toFile());
        assertTrue(Files.size(out.resolve("loss-curve.png")) > 0);
        assertEquals(List.of("ckpt-0000000060"), checkpoints(out));
    }

    @Test
    void sameSeedGivesIdenticalLossesOtherSeedDoesNot(@TempDir Path tmp) throws Exception {
        Map<String, String> s = Map.of("maxSteps", "5", "validate", "false");
        RecordingListener a = new RecordingListener();
        RecordingListener b = new RecordingListener();
        RecordingListener c = new RecordingListener();
        train(s, tmp.resolve("a"), false, a);
        train(s, tmp.resolve("b"), false, b);
        Map<String, String> other = new HashMap<>(s);
        other.put("seed", "8");
        train(other, tmp.resolve("c"), false, c);
        assertEquals(5, a.losses.size());
        assertEquals(a.losses, b.losses);
        assertNotEquals(a.losses, c.losses);
    }

    @Test
    void resumeAfterCrashRepeatsTheUninterruptedLosses(@TempDir Path tmp) throws Exception {
        Map<String, String> s = Map.of("checkpointEvery", "4", "maxSteps", "6", "augment", "true", "augmentP", "0.5",
                "mix", "true", "mixP", "0.5");
        RecordingListener full = new RecordingListener();
        train(s, tmp.resolve("full"), false, full);

        Path out = tmp.resolve("crashed");
        RecordingListener crash = new RecordingListener(5);
        assertThrows(RecordingListener.Crash.class, () -> train(s, out, false, crash));
        assertEquals(full.losses.subList(0, 5), crash.losses);
        assertEquals(List.of("ckpt-0000000004"), checkpoints(out), "step-4 checkpoint replaced the epoch-end one");
        // simulate a kill while a newer checkpoint was being written, and a stale incomplete folder
        Files.createDirectories(out.resolve("checkpoints/.tmp-ckpt-0000000005-123"));
        Files.writeString(out.resolve("checkpoints/.tmp-ckpt-0000000005-123/model.safetensors"), "partial");
        Files.createDirectories(out.resolve("checkpoints/ckpt-0000000009"));
        Files.writeString(out.resolve("checkpoints/ckpt-0000000009/state.properties"), "epoch=3\n");

        RecordingListener resumed = new RecordingListener();
        TrainingOutcome r = train(s, out, true, resumed);
        assertEquals(4.0, r.summary().get(DjlTraining.RESUMED_FROM));
        assertEquals(List.of(5L, 6L), resumed.steps);
        for (int i = 0; i < 2; i++) {
            double l1 = full.losses.get(4 + i);
            double l2 = resumed.losses.get(i);
            System.out.printf("[resume] step %d: uninterrupted %.9f resumed %.9f%n", 5 + i, l1, l2);
            assertTrue(Math.abs(l1 - l2) < 1e-6, "step " + (5 + i) + ": " + l1 + " vs " + l2);
        }
        List<Map<String, Double>> metrics = MetricsLog.read(out.resolve(DjlTraining.METRICS));
        assertEquals(List.of(1.0, 2.0, 3.0, 3.0, 4.0, 5.0, 6.0, 6.0),
                metrics.stream().map(m -> m.get("step")).collect(Collectors.toList()),
                "step 5 of the crashed run is dropped from metrics.jsonl (lines: steps, epoch ends)");
        assertFalse(Files.exists(out.resolve("checkpoints/.tmp-ckpt-0000000005-123")));
    }

    @Test
    void checkpointEveryNStepsKeepsOnlyTheNewestCompleteOne(@TempDir Path out) throws Exception {
        RecordingListener crash = new RecordingListener(5);
        assertThrows(RecordingListener.Crash.class,
                () -> train(Map.of("checkpointEvery", "2", "validate", "false"), out, false, crash));
        // steps 2 (every 2), 3 (epoch end), 4 (every 2): only the newest survives
        assertEquals(List.of("ckpt-0000000004"), checkpoints(out));
        assertThrows(IllegalStateException.class, () -> train(Map.of(), out, false, new RecordingListener()),
                "an existing checkpoint needs resume");
    }

    @Test
    void fineTuningReplacesTheHeadAndFreezesTheBackbone(@TempDir Path tmp) throws Exception {
        TrainingOutcome pre = train(Map.of("maxSteps", "3", "epochs", "1"), tmp.resolve("pre"), false,
                new RecordingListener());
        Path weights = pre.bestWeights().orElseThrow();
        StateDict before = SafetensorsFile.read(weights);
        SyntheticData three = new SyntheticData(3, 4, 2, 5);
        Map<String, String> s = SyntheticData.tinySettings();
        s.put("init", weights.toString());
        s.put("freezeBackbone", "true");
        s.put("epochs", "1");
        TrainingOutcome ft = DjlTraining.run(s, three, three.tensorizer(), PluginAssembler.fromServiceLoader(PluginAssembler.class.getClassLoader()), tmp.resolve("ft"), false,
                new RecordingListener());
        StateDict after = SafetensorsFile.read(ft.bestWeights().orElseThrow());
        assertEquals("3", ft.architecture().get("classes"));
        assertEquals(3, after.get("fc.2.weight").shape()[0]);
        int frozen = 0;
        for (String k : before.keys()) {
            if (k.startsWith("resnet2D.") && !k.contains("running_")) {
                assertTrue(before.get(k).contentEquals(after.get(k)), k + " changed although frozen");
                frozen++;
            }
        }
        assertTrue(frozen > 20);
        assertFalse(before.get("fc.0.weight").contentEquals(after.get("fc.0.weight")), "head trains");
    }

    private static List<String> checkpoints(Path out) throws java.io.IOException {
        try (Stream<Path> s = Files.list(out.resolve("checkpoints"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("ckpt-")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
