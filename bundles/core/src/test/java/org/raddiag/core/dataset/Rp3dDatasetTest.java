package org.raddiag.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.Case;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.api.train.DatasetSource.Split;
import org.raddiag.core.cases.NpyKeySlices;
import org.raddiag.core.cases.ScanFiles;
import org.raddiag.dataset.phantom.PhantomDataset;
import org.raddiag.dataset.phantom.PhantomDescription;
import org.raddiag.dataset.phantom.PhantomSpec;
import org.raddiag.testsupport.Readers;

/** Opens a dataset written by the phantom generator (an independent writer of the RP3D layout). */
class Rp3dDatasetTest {
    @TempDir
    Path tmp;

    @Test
    void phantomDatasetOpensWithSplitsLabelsScansAndKeys() throws Exception {
        PhantomSpec spec = PhantomSpec.builder().seed(5).cases(12, 4, 6).size(32).slices(4, 6).labels(10, 3, 3)
                .niftiCases(0).build();
        PhantomDescription d = PhantomDataset.generate(spec, tmp.resolve("data"));
        DatasetSource ds = open(d.folder(), Map.of());
        assertEquals(List.of(12, 4, 6), List.of(ds.caseIds(Split.TRAIN).size(), ds.caseIds(Split.VALIDATION).size(),
                ds.caseIds(Split.TEST).size()));
        assertEquals(d.labels().labels(), ds.labels().labels());
        assertEquals(3, ds.labels().headEnd(), "split sizes from dataset.json");
        assertEquals(6, ds.labels().mediumEnd());
        Set<String> all = new HashSet<>();
        for (Split s : Split.values()) {
            all.addAll(ds.caseIds(s));
        }
        assertEquals(22, all.size(), "no case in two splits");
        Case c = ds.load(ds.caseIds(Split.TRAIN).get(0));
        assertFalse(c.scans().isEmpty());
        assertTrue(c.scans().stream().anyMatch(s -> s.keySlice().isPresent()), "key slices are read");
        for (String label : c.labels()) {
            assertTrue(ds.labels().indexOf(label).isPresent(), label);
        }
    }

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
