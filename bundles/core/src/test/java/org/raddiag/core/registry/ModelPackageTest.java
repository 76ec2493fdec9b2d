package org.raddiag.core.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;

class ModelPackageTest {
    @TempDir
    Path tmp;

    @Test
    void folderRoundTrip() throws IOException {
        Path dir = tmp.resolve("pkg");
        ModelPackageWriter.writeFolder(dir, Packages.spec("demo", "1.2.3"), Packages.weights());
        VerifiedPackage p = ModelPackageReader.read(dir);
        assertEquals("demo:1.2.3", p.ref().toString());
        assertEquals(Packages.CLASSES, p.labels().size());
        assertEquals("Disorder 1", p.labels().label(1));
        assertEquals(2, p.labels().headEnd());
        assertEquals(3, p.labels().mediumEnd());
        assertEquals(0.25, p.thresholds()[1]);
        assertEquals("resnet18", p.architecture().get("backbone"));
        assertEquals("unit test", p.provenance().get("source"));
        assertEquals(new InputSpec(32, 4, 2, 0, 1), p.manifest().input());
        StateDict w = SafetensorsFile.read(p.weights());
        assertTrue(w.get("fc.0.weight").contentEquals(Packages.weights().get("fc.0.weight")));
        // plus the hidden record of the verified checksum (RecordedChecksum), which the package itself does not need
        assertEquals(List.of(".weights.safetensors.sha256", "labels.txt", "model.json", "thresholds.txt",
                "weights.safetensors"), names(dir));
        assertEquals(List.of("pkg"), names(tmp), "staging folder left behind");
        String json = Files.readString(dir.resolve("model.json"));
        assertTrue(json.contains("\"sha256\": \"" + PackageFiles.sha256(p.weights()) + "\""), json);
    }

    @Test
    void zipRoundTripAndInlineThresholds() throws IOException {
        Path zip = tmp.resolve("demo.zip");
        PackageManifest m = ModelPackageWriter.writeZip(zip, Packages.spec("demo", "2.0.0-rc.1"), Packages.weights());
        assertEquals("demo:2.0.0-rc.1", ModelPackageReader.verify(zip).id());
        assertEquals(m.weightsSha256(), ModelPackageReader.verify(zip).weightsSha256());

        Path dir = tmp.resolve("inline");
        ModelPackageWriter.writeFolder(dir, Packages.spec("demo", "1.0.0"), Packages.weights());
        String json = Files.readString(dir.resolve("model.json"))
                .replace("\"thresholds\": \"thresholds.txt\"", "\"thresholds\": [0.1, 0.2, 0.3, 0.4, 0.9]");
        Files.writeString(dir.resolve("model.json"), json);
        Files.delete(dir.resolve("thresholds.txt"));
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 0.9}, ModelPackageReader.read(dir).thresholds());
    }

    /** One way to damage a written package, and what the refusal must say ({@code {dir}}: the package folder). */
    private record Damage(String name, Edit edit, String... expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    private interface Edit {
        void apply(Path dir) throws IOException;
    }

    static Stream<Damage> damages() {
        return Stream.of(
                new Damage("flipped weight byte", ModelPackageTest::flipAWeightByte, "demo:1.0.0", "checksum mismatch"),
                new Damage("label count", dir -> Files.writeString(dir.resolve("labels.txt"), "Normal\nA\nB\nC\n",
                        StandardCharsets.UTF_8), "demo:1.0.0", "4 labels but the architecture has 5 classes"),
                new Damage("threshold count", dir -> Files.writeString(dir.resolve("thresholds.txt"), "0.5\n0.5\n",
                        StandardCharsets.UTF_8), "2 thresholds but the architecture has 5 classes"),
                new Damage("missing weights.sha256", manifest("\"sha256\": \"[0-9a-f]+\"", "\"x\": 1"),
                        "missing field 'weights.sha256'", "{dir}"),
                new Damage("missing input.depth", manifest("\"depth\": 4,", ""), "missing field 'input.depth'"),
                new Damage("input spec against architecture", manifest("\"depth\": 4,", "\"depth\": 8,"),
                        "input.depth is 8 but architecture.depth is 4"));
    }

    @ParameterizedTest
    @MethodSource("damages")
    void aDamagedPackageIsRefusedNamingWhatIsWrong(Damage damage) throws IOException {
        Path dir = tmp.resolve("pkg");
        ModelPackageWriter.writeFolder(dir, Packages.spec("demo", "1.0.0"), Packages.weights());
        damage.edit().apply(dir);
        IOException e = assertThrows(IOException.class, () -> ModelPackageReader.read(dir));
        for (String want : damage.expected()) {
            assertTrue(e.getMessage().contains(want.replace("{dir}", dir.toString())), e.getMessage());
        }
    }

    private static void flipAWeightByte(Path dir) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("weights.safetensors").toFile(), "rw")) {
            long at = f.length() - 3;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x01);
        }
    }

    /** Replaces the first match of {@code regex} in model.json. */
    private static Edit manifest(String regex, String replacement) {
        return dir -> {
            Path json = dir.resolve("model.json");
            String before = Files.readString(json);
            String after = before.replaceFirst(regex, replacement);
            assertTrue(!after.equals(before), "the manifest has no " + regex);
            Files.writeString(json, after);
        };
    }

    @Test
    void writerRefusesAnExistingTargetAndInvalidSpecsLeaveNothing() throws IOException {
        Path dir = tmp.resolve("pkg");
        ModelPackageWriter.writeFolder(dir, Packages.spec("demo", "1.0.0"), Packages.weights());
        assertThrows(IOException.class,
                () -> ModelPackageWriter.writeFolder(dir, Packages.spec("demo", "1.0.1"), Packages.weights()));
        Path bad = tmp.resolve("bad");
        IOException e = assertThrows(IOException.class,
                () -> ModelPackageWriter.writeFolder(bad, Packages.spec("demo", "1.0"), Packages.weights()));
        assertTrue(e.getMessage().contains("not a semantic version"), e.getMessage());
        assertEquals(List.of("pkg"), names(tmp));
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
