package org.raddiag.core.dataset;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.core.cases.NpyKeySlices;
import org.raddiag.core.cases.ScanFiles;
import org.raddiag.testsupport.Readers;

/** What the RP3D layout refuses, and how it says so (a phantom dataset opened through it: itests DatasetLayoutsIT). */
class Rp3dDatasetTest {
    @TempDir
    Path tmp;

    @Test
    void missingPiecesAreNamed() throws Exception {
        IOException e = assertThrows(IOException.class, () -> open(tmp, Map.of()));
        assertTrue(e.getMessage().contains("train.json"), e.getMessage());
        Files.writeString(tmp.resolve("train.json"), "{}");
        Files.writeString(tmp.resolve("test.json"), "{}");
        e = assertThrows(IOException.class, () -> open(tmp, Map.of()));
        assertTrue(e.getMessage().contains("label dictionary"), e.getMessage());
        Files.writeString(tmp.resolve("label_dict.json"), "{\"Normal\": 0, \"A\": 2}");
        e = assertThrows(IOException.class, () -> open(tmp, Map.of()));
        assertTrue(e.getMessage().contains("'A' has 2"), e.getMessage());
    }

    private static DatasetSource open(Path folder, Map<String, String> options) throws IOException {
        if (!Files.isRegularFile(folder.resolve("train.json")) || !Files.isRegularFile(folder.resolve("test.json"))) {
            throw new IOException("dataset folder " + folder + " needs train.json and test.json (RP3D layout)");
        }
        return new Rp3dDataset(folder, LabelDictionary.read(folder, options), "articles",
                new ScanFiles(List.of(Readers.named("npy")), ReadOptions.defaults()), new NpyKeySlices());
    }
}
