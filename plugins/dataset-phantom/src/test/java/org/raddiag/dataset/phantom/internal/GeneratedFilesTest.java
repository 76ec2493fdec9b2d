package org.raddiag.dataset.phantom.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.train.DatasetSource.Split;
import org.raddiag.support.numpy.NpyArray;
import org.raddiag.support.numpy.NpyFormat;

/** Layout, determinism and completeness of a small generated dataset, read back with Gson and NpyFormat. */
class GeneratedFilesTest {
    static final PhantomSpec SMALL = PhantomSpec.builder().cases(40, 12, 20).size(32).slices(4, 8).niftiCases(1)
            .build();

    @TempDir
    Path dir;

    static JsonObject json(Path f) throws IOException {
        return JsonParser.parseString(Files.readString(f)).getAsJsonObject();
    }

    static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                String rel = root.relativize(p).toString();
                if (!rel.startsWith(".")) {
                    m.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return m;
    }

    @Test
    void layoutMatchesRp3d() throws Exception {
        PhantomDescription d = PhantomDataset.generate(SMALL, dir);
        assertTrue(d.generated());
        JsonObject dict = json(dir.resolve(PhantomDescription.LABEL_DICT));
        List<String> names = new ArrayList<>(dict.keySet());
        assertEquals(d.labels().labels(), names);
        assertEquals(0, dict.get("Normal").getAsInt());
        for (int i = 0; i < names.size(); i++) {
            assertEquals(i, dict.get(names.get(i)).getAsInt());
        }
        int images = 0;
        for (Split s : Split.values()) {
            JsonObject cases = json(d.caseFile(s));
            assertEquals(d.caseCount(s), cases.size());
            for (String id : cases.keySet()) {
                JsonObject c = cases.getAsJsonObject(id);
                JsonArray mods = c.getAsJsonArray("Modalities");
                JsonArray samples = c.getAsJsonArray("Samples");
                assertEquals(mods.size(), samples.size());
                assertTrue(samples.size() >= 1 && samples.size() <= 3, id);
                for (int i = 0; i < samples.size(); i++) {
                    JsonObject smp = samples.get(i).getAsJsonObject();
                    assertEquals(samples.get(0).getAsJsonObject().get("articles"), smp.get("articles"));
                    for (JsonElement a : smp.getAsJsonArray("articles")) {
                        assertTrue(dict.has(a.getAsString()), a.getAsString());
                    }
                    JsonArray data = smp.getAsJsonArray("image_data_path");
                    JsonArray keys = smp.getAsJsonArray("image_key_path");
                    assertTrue(data.size() >= 1 && data.size() <= 2);
                    assertEquals(data.size(), keys.size());
                    assertEquals(data.size(), smp.getAsJsonArray("plane_projection").size());
                    for (int j = 0; j < data.size(); j++) {
                        images++;
                        assertFalse(Path.of(data.get(j).getAsString()).isAbsolute());
                        NpyArray a = NpyFormat.read(dir.resolve(data.get(j).getAsString()));
                        assertEquals("<f4", a.dtype());
                        assertTrue(a.fortranOrder());
                        long[] shape = a.shape();
                        assertEquals(3, shape.length);
                        assertEquals(32, shape[0]);
                        assertEquals(32, shape[1]);
                        String mod = mods.get(i).getAsString();
                        if (mod.equals("X-ray")) {
                            assertEquals(3, shape[2]);
                            float[] v = a.toFloatArray();
                            for (int p = 0; p < v.length; p += 3) {
                                assertEquals(v[p], v[p + 1]);
                                assertEquals(v[p], v[p + 2]);
                            }
                        } else {
                            assertTrue(shape[2] >= 4 && shape[2] <= 8, "depth " + shape[2]);
                        }
                        NpyArray k = NpyFormat.read(dir.resolve(keys.get(j).getAsString()));
                        assertEquals("<i8", k.dtype());
                        assertArrayEquals(new long[] {1}, k.shape());
                        long key = k.toLongArray()[0];
                        assertTrue(key >= 0 && key < shape[2]);
                        assertEquals(key, c.getAsJsonArray("key_slice").get(i).getAsJsonObject()
                                .get("image_" + j).getAsLong());
                    }
                }
            }
        }
        assertEquals(d.imageCount(), images);
        JsonObject manifest = json(dir.resolve(PhantomDescription.MANIFEST));
        assertEquals(42, manifest.getAsJsonObject("settings").get("seed").getAsLong());
        assertEquals(6, manifest.getAsJsonObject("labels").get("headCount").getAsInt());
    }

    @Test
    void sameSeedGivesIdenticalFilesOtherSeedDiffers(@TempDir Path second, @TempDir Path third) throws Exception {
        PhantomDataset.generate(SMALL, dir);
        PhantomDataset.generate(SMALL.toBuilder().threads(1).build(), second);
        Map<String, byte[]> a = contents(dir);
        Map<String, byte[]> b = contents(second);
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k), b.get(k), k);
        }
        PhantomDataset.generate(SMALL.toBuilder().seed(7).build(), third);
        Map<String, byte[]> c = contents(third);
        int differing = 0;
        for (String k : a.keySet()) {
            if (k.startsWith("data") && c.containsKey(k) && !java.util.Arrays.equals(a.get(k), c.get(k))) {
                differing++;
            }
        }
        assertTrue(differing > 0);
        assertNotEquals(new String(a.get("train.json")), new String(c.get("train.json")));
    }

    @Test
    void completeDatasetIsKeptAndBrokenOneRegenerated() throws Exception {
        PhantomDataset.generate(SMALL, dir);
        Map<String, byte[]> original = contents(dir);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertFalse(PhantomDataset.generate(SMALL, dir).generated());

        Files.delete(dir.resolve(PhantomDescription.MANIFEST));
        assertTrue(PhantomDataset.generate(SMALL, dir).generated(), "missing manifest");

        Files.delete(dir.resolve("data/000003.npy"));
        assertTrue(PhantomDataset.generate(SMALL, dir).generated(), "missing image");
        assertTrue(Files.exists(dir.resolve("data/000003.npy")));

        byte[] key = Files.readAllBytes(dir.resolve("key/000001.npy"));
        Files.write(dir.resolve("key/000001.npy"), java.util.Arrays.copyOf(key, key.length - 1));
        assertTrue(PhantomDataset.generate(SMALL, dir).generated(), "truncated key");

        Files.writeString(dir.resolve("data/.000009.npy123.tmp"), "partial");
        assertTrue(PhantomDataset.generate(SMALL, dir).generated(), "leftover temporary file");
        assertFalse(Files.exists(dir.resolve("data/.000009.npy123.tmp")));
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));

        Map<String, byte[]> now = contents(dir);
        now.remove("notes.txt");
        assertEquals(original.keySet(), now.keySet());
        for (String k : original.keySet()) {
            assertArrayEquals(original.get(k), now.get(k), k);
        }
        assertTrue(PhantomDataset.generate(SMALL.toBuilder().seed(9).build(), dir).generated(), "other settings");
    }
}
