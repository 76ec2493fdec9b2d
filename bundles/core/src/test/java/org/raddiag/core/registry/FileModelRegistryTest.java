package org.raddiag.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.model.ModelRef;
import org.raddiag.support.home.RaddiagHome;

class FileModelRegistryTest {
    @TempDir
    Path tmp;

    private Path pkg(String name, String version) throws IOException {
        Path dir = tmp.resolve("src").resolve(name + "-" + version);
        ModelPackageWriter.writeFolder(dir, Packages.spec(name, version), Packages.weights());
        return dir;
    }

    @Test
    void createCarriesTheDraftsFurtherFilesAndRefusesTheRegistrysOwnNames() throws IOException {
        FileModelRegistry reg = new FileModelRegistry(tmp.resolve("models"));
        PackageSpec spec = Packages.spec("knowledge", "1.0.0");
        Path weights = tmp.resolve("w.safetensors");
        org.raddiag.checkpoint.SafetensorsFile.write(weights, Packages.weights(), java.util.Map.of());
        Path emb = Files.writeString(tmp.resolve("emb.npy"), "label embeddings");
        ModelRef ref = reg.create(new org.raddiag.api.model.ModelDraft(new ModelRef("knowledge", "1.0.0"),
                spec.architecture(), spec.labels(), spec.thresholds(), spec.provenance(), weights,
                java.util.Map.of("label-embeddings.npy", emb)));
        Path installed = reg.find(ref).orElseThrow().weights().resolveSibling("label-embeddings.npy");
        assertEquals("label embeddings", Files.readString(installed));

        IOException e = assertThrows(IOException.class, () -> reg.create(new org.raddiag.api.model.ModelDraft(
                new ModelRef("knowledge", "1.0.1"), spec.architecture(), spec.labels(), spec.thresholds(),
                spec.provenance(), weights, java.util.Map.of("labels.txt", emb))));
        assertTrue(e.getMessage().contains("labels.txt is written by the registry"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new org.raddiag.api.model.ModelDraft(
                new ModelRef("knowledge", "1.0.2"), spec.architecture(), spec.labels(), spec.thresholds(),
                spec.provenance(), weights, java.util.Map.of("../escape.npy", emb)));
    }

    @Test
    void newestVersionBySemverIncludingPreReleases() throws IOException {
        FileModelRegistry reg = new FileModelRegistry(tmp.resolve("models"));
        for (String v : new String[] {"1.10.0", "1.9.0", "1.10.0-rc.1", "1.2.0"}) {
            assertEquals(new ModelRef("demo", v), reg.install(pkg("demo", v)));
        }
        reg.install(pkg("alpha", "0.1.0"));
        assertEquals("1.10.0", reg.find(ModelRef.parse("demo")).orElseThrow().ref().version());
        assertEquals("1.9.0", reg.find(ModelRef.parse("demo:1.9.0")).orElseThrow().ref().version());
        assertTrue(reg.find(ModelRef.parse("demo:3.0.0")).isEmpty());
        assertTrue(reg.find(ModelRef.parse("nothing")).isEmpty());
        assertTrue(reg.find(ModelRef.parse("..")).isEmpty());
        assertEquals(List.of("alpha:0.1.0", "demo:1.2.0", "demo:1.9.0", "demo:1.10.0-rc.1", "demo:1.10.0"),
                reg.list().stream().map(ModelRef::toString).toList());

        reg.install(pkg("demo", "2.0.0-beta.2"));
        assertEquals("2.0.0-beta.2", reg.find(ModelRef.parse("demo")).orElseThrow().ref().version());
    }

    @Test
    void installsZipIntoNameVersionFolderAndRefusesReinstall() throws IOException {
        Path root = tmp.resolve("models");
        FileModelRegistry reg = new FileModelRegistry(root);
        Path zip = tmp.resolve("demo.zip");
        ModelPackageWriter.writeZip(zip, Packages.spec("demo", "1.0.0"), Packages.weights());
        reg.install(zip);
        assertTrue(Files.isRegularFile(root.resolve("demo/1.0.0/model.json")));
        assertEquals(root.resolve("demo/1.0.0/weights.safetensors"),
                reg.find(ModelRef.parse("demo")).orElseThrow().weights());
        IOException e = assertThrows(IOException.class, () -> reg.install(zip));
        assertTrue(e.getMessage().contains("already installed"), e.getMessage());
        assertEquals(List.of("demo"), ModelPackageTest.names(root), "staging folder left behind");
    }

    @Test
    void invalidPackageIsNotInstalled() throws IOException {
        Path root = tmp.resolve("models");
        FileModelRegistry reg = new FileModelRegistry(root);
        Path src = pkg("demo", "1.0.0");
        Files.writeString(src.resolve("labels.txt"), "only one\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> reg.install(src));
        assertTrue(e.getMessage().contains("demo:1.0.0"), e.getMessage());
        assertEquals(List.of(), ModelPackageTest.names(root));
        assertEquals(List.of(), reg.list());
    }

    @Test
    void tamperedInstalledPackageIsRefusedOnFind() throws IOException {
        Path root = tmp.resolve("models");
        FileModelRegistry reg = new FileModelRegistry(root);
        reg.install(pkg("demo", "1.0.0"));
        reg.find(ModelRef.parse("demo")).orElseThrow();
        Path w = root.resolve("demo/1.0.0/weights.safetensors");
        byte[] b = Files.readAllBytes(w);
        b[b.length - 1] ^= 0x40;
        Files.write(w, b);
        Files.setLastModifiedTime(w, java.nio.file.attribute.FileTime.fromMillis(1_000_000L));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> reg.find(ModelRef.parse("demo")));
        assertTrue(e.getMessage().contains("demo:1.0.0") && e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void folderDefaultsToRaddiagHomeModels() {
        RaddiagHome home = new RaddiagHome(Paths.get("/opt/rd"));
        assertEquals(Paths.get("/opt/rd/models"), FileModelRegistry.resolveFolder("", home));
        assertEquals(Paths.get("/data/m"), FileModelRegistry.resolveFolder("/data/m", home));
    }

    @Test
    void modelsCommandListsPackagesAsTextAndJson() throws Exception {
        FileModelRegistry reg = new FileModelRegistry(tmp.resolve("models"));
        ModelsCommand cmd = new ModelsCommand(reg);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, cmd.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("no models installed"));
        reg.install(pkg("demo", "1.0.0"));
        out.reset();
        assertEquals(0, cmd.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("demo:1.0.0") && text.contains("classes 5 (disorders)")
                && text.contains("backbone=resnet18") && text.contains("source: unit test"), text);
        out.reset();
        assertEquals(0, cmd.run(List.of("--json"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"classes\": 5") && json.contains("\"hidden\": \"16\""), json);

        Files.writeString(tmp.resolve("models/demo/1.0.0/labels.txt"), "x\n", StandardCharsets.UTF_8);
        out.reset();
        assertEquals(1, cmd.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("INVALID"), out.toString(StandardCharsets.UTF_8));
        assertEquals(2, cmd.run(List.of("--bogus"), System.out, new PrintStream(new ByteArrayOutputStream())));
    }
}
