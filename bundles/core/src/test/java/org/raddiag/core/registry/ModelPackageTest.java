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
        assertEquals(List.of("labels.txt", "model.json", "thresholds.txt", "weights.safetensors"), names(dir));
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

    @Test
    void flippedWeightByteIsAChecksumErrorNamingThePackage() throws IOException {
        Path dir = tmp.resolve("pkg");
        ModelPackageWriter.writeFolder(dir, Packages.spec("demo", "1.0.0"), Packages.weights());
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("weights.safetensors").toFile(), "rw")) {
            long at = f.length() - 3;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x01);
        }
        IOException e = assertThrows(IOException.class, () -> ModelPackageReader.read(dir));
        assertTrue(e.getMessage().contains("demo:1.0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void labelCountMismatchIsRefused() throws IOException {
        Path dir = tmp.resolve("pkg");
        ModelPackageWriter.writeFolder(dir, Packages.spec("demo", "1.0.0"), Packages.weights());
        Files.writeString(dir.resolve("labels.txt"), "Normal\nA\nB\nC\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ModelPackageReader.read(dir));
        assertTrue(e.getMessage().contains("demo:1.0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("4 labels but the architecture has 5 classes"), e.getMessage());
    }

    @Test
    void thresholdCountMismatchIsRefused() throws IOException {
        Path dir = tmp.resolve("pkg");
        ModelPackageWriter.writeFolder(dir, Packages.spec("demo", "1.0.0"), Packages.weights());
        Files.writeString(dir.resolve("thresholds.txt"), "0.5\n0.5\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ModelPackageReader.read(dir));
        assertTrue(e.getMessage().contains("2 thresholds but the architecture has 5 classes"), e.getMessage());
    }

    @Test
    void missingManifestFieldIsNamed() throws IOException {
        Path dir = tmp.resolve("pkg");
        ModelPackageWriter.writeFolder(dir, Packages.spec("demo", "1.0.0"), Packages.weights());
        String json = Files.readString(dir.resolve("model.json"));
        Files.writeString(dir.resolve("model.json"), json.replaceFirst("\"sha256\": \"[0-9a-f]+\"", "\"x\": 1"));
        IOException e = assertThrows(IOException.class, () -> ModelPackageReader.read(dir));
        assertTrue(e.getMessage().contains("missing field 'weights.sha256'"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());

        Files.writeString(dir.resolve("model.json"), json.replace("\"depth\": 4,", ""));
        e = assertThrows(IOException.class, () -> ModelPackageReader.read(dir));
        assertTrue(e.getMessage().contains("missing field 'input.depth'"), e.getMessage());
    }

    @Test
    void inputSpecMustAgreeWithArchitecture() throws IOException {
        Path dir = tmp.resolve("pkg");
        ModelPackageWriter.writeFolder(dir, Packages.spec("demo", "1.0.0"), Packages.weights());
        String json = Files.readString(dir.resolve("model.json"));
        Files.writeString(dir.resolve("model.json"), json.replace("\"depth\": 4,", "\"depth\": 8,"));
        IOException e = assertThrows(IOException.class, () -> ModelPackageReader.read(dir));
        assertTrue(e.getMessage().contains("input.depth is 8 but architecture.depth is 4"), e.getMessage());
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
