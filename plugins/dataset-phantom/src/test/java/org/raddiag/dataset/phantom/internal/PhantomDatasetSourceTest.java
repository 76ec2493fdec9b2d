package org.raddiag.dataset.phantom.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.train.DatasetSource.Split;
import org.raddiag.testsupport.Readers;

/** The DatasetSource loads generated cases through a NumPy reader; the NIfTI copies read back identically. */
class PhantomDatasetSourceTest {
    private static final PhantomSpec SPEC = PhantomSpec.builder().cases(20, 10, 10).size(32).slices(4, 6)
            .niftiCases(2).build();

    @TempDir
    Path dir;

    @Test
    void loadsCasesWithLabelsKeysAndModalities() throws Exception {
        PhantomDatasetSource source = new PhantomDatasetSource(SPEC, dir, Readers.named("npy"));
        assertEquals(30, source.labels().size());
        List<String> test = source.caseIds(Split.TEST);
        assertEquals(10, test.size());
        assertEquals(20, source.caseIds(Split.TRAIN).size());
        JsonObject file = JsonParser.parseString(Files.readString(dir.resolve("test.json"))).getAsJsonObject();
        for (String id : test) {
            Case c = source.load(id);
            assertEquals(id, c.id());
            assertTrue(!c.labels().isEmpty());
            JsonObject jc = file.getAsJsonObject(id);
            assertEquals(jc.getAsJsonArray("Modalities").size(), c.samples().size());
            for (int i = 0; i < c.samples().size(); i++) {
                List<Scan> scans = c.samples().get(i).scans();
                for (int j = 0; j < scans.size(); j++) {
                    Scan s = scans.get(j);
                    assertEquals(32, s.volume().width());
                    assertEquals(jc.getAsJsonArray("key_slice").get(i).getAsJsonObject().get("image_" + j)
                            .getAsInt(), s.keySlice().getAsInt());
                    if (s.modality() == Modality.XRAY) {
                        assertEquals(3, s.volume().depth());
                    }
                }
            }
        }
    }

    @Test
    void niftiCopiesMatchTheNpyImages() throws Exception {
        PhantomDescription d = new PhantomDatasetSource(SPEC, dir, Readers.named("npy")).prepare();
        JsonObject nifti = JsonParser.parseString(Files.readString(dir.resolve(PhantomDescription.NIFTI_CASES)))
                .getAsJsonObject();
        JsonObject test = JsonParser.parseString(Files.readString(d.caseFile(Split.TEST))).getAsJsonObject();
        assertEquals(2, nifti.size());
        int compared = 0;
        for (String id : nifti.keySet()) {
            var ns = nifti.getAsJsonObject(id).getAsJsonArray("Samples");
            var ts = test.getAsJsonObject(id).getAsJsonArray("Samples");
            for (int i = 0; i < ns.size(); i++) {
                var np = ns.get(i).getAsJsonObject().getAsJsonArray("image_data_path");
                var tp = ts.get(i).getAsJsonObject().getAsJsonArray("image_data_path");
                for (int j = 0; j < np.size(); j++) {
                    Scan a = Readers.named("nifti").read(dir.resolve(np.get(j).getAsString()), ReadOptions.defaults())
                            .get(0);
                    Scan b = Readers.named("npy").read(dir.resolve(tp.get(j).getAsString()), ReadOptions.defaults())
                            .get(0);
                    assertEquals(b.volume().depth(), a.volume().depth());
                    assertArrayEquals(b.volume().voxels(), a.volume().voxels());
                    assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, a.volume().direction(), 1e-6);
                    compared++;
                }
            }
        }
        assertTrue(compared >= 2);
    }
}
