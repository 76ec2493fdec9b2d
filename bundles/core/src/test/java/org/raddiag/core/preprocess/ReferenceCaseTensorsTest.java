package org.raddiag.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.data.Sample;
import org.raddiag.core.cases.DemoData;
import org.raddiag.core.cases.LoadedCase;
import org.raddiag.core.cases.Rp3dCaseFile;
import org.raddiag.support.numpy.NpyArray;
import org.raddiag.support.numpy.NpyFormat;

/**
 * Parity with the reference {@code RadNet_Dataset_early} output stored in {@code testdata/reference/case_tensors}:
 * each fixture's case is loaded from the demo JSON, its samples are put in the recorded shuffle order, and every
 * tensor must match (integers exactly, images bitwise).
 */
class ReferenceCaseTensorsTest {
    private static final Path FIXTURES = DemoData.testdata().resolve("reference/case_tensors");

    @TestFactory
    Stream<DynamicTest> matchesEveryFixture() throws Exception {
        JsonObject manifest = JsonParser.parseString(Files.readString(FIXTURES.resolve("manifest.json")))
                .getAsJsonObject();
        assertEquals(3, manifest.size());
        LabelSet labels = disorderLabels();
        Rp3dCaseFile cases = DemoData.caseFile();
        CaseTensorizer tensorizer = new CaseTensorizer(TensorizerSettings.reference());
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : manifest.entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue().getAsJsonObject(),
                    cases, labels, tensorizer)));
        }
        return tests.stream();
    }

    private static void check(String name, JsonObject fixture, Rp3dCaseFile cases, LabelSet labels,
            CaseTensorizer tensorizer) throws Exception {
        LoadedCase loaded = cases.load(fixture.get("case_url").getAsString());
        Case replayed = replay(loaded.value(), fixture);
        CaseTensors t = tensorizer.tensorize(replayed, labels);
        Map<String, NpyArray> ref = NpyFormat.readNpz(FIXTURES.resolve(name + ".npz"));

        assertArrayEquals(ref.get("mods").toLongArray(), t.mods(), "mods");
        assertArrayEquals(ref.get("marks").toLongArray(), t.marks(), "marks");
        assertArrayEquals(ref.get("keys").toLongArray(), t.keys(), "keys");
        assertArrayEquals(ref.get("labels").shape(), t.labels().shape(), "labels shape");
        assertArrayEquals(ref.get("labels").toFloatArray(), t.labels().data(), "labels");
        assertArrayEquals(ref.get("images").shape(), t.images().shape(), "images shape");
        float[] want = ref.get("images").toFloatArray();
        float[] got = t.images().data();
        int differing = 0;
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToIntBits(want[i]) != Float.floatToIntBits(got[i])) {
                differing++;
            }
        }
        double maxDiff = t.images().maxAbsDifference(ref.get("images").toFloatTensor());
        assertTrue(maxDiff <= 1e-6, name + ": images differ by up to " + maxDiff);
        assertEquals(0, differing, name + ": " + differing + " image values not bitwise equal (max diff " + maxDiff + ")");
        assertEquals(fixture.getAsJsonArray("slots").size(), t.filledSlots());
    }

    /** The case's samples in the fixture's recorded shuffle order (samples are matched by their file ids). */
    private static Case replay(Case c, JsonObject fixture) {
        Map<Integer, String> fileOfSample = new LinkedHashMap<>();
        for (JsonElement s : fixture.getAsJsonArray("slots")) {
            JsonObject slot = s.getAsJsonObject();
            fileOfSample.putIfAbsent(slot.get("sample_index_in_json").getAsInt(), slot.get("file_id").getAsString());
        }
        List<Sample> ordered = new ArrayList<>();
        for (JsonElement i : fixture.getAsJsonArray("sample_order_after_shuffle")) {
            String file = fileOfSample.get(i.getAsInt()) + ".npy";
            ordered.add(c.samples().stream().filter(s -> s.scans().get(0).source().endsWith(file)).findFirst()
                    .orElseThrow(() -> new AssertionError("no sample with " + file)));
        }
        return new Case(c.id(), ordered, c.labels());
    }

    static LabelSet disorderLabels() throws Exception {
        JsonObject dict = JsonParser.parseString(Files.readString(DemoData.root().resolve("disorder_label_dict.json")))
                .getAsJsonObject();
        String[] names = new String[dict.size()];
        for (Map.Entry<String, JsonElement> e : dict.entrySet()) {
            names[e.getValue().getAsInt()] = e.getKey();
        }
        return new LabelSet("disorders", List.of(names), 85, 470);
    }
}
