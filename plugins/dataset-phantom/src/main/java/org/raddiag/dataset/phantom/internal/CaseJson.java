package org.raddiag.dataset.phantom.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Writes case plans as an RP3D-DiagDS case file: an object keyed by case identifier, each case with
 * {@code Modalities}, {@code Samples} ({@code image_data_path}, {@code image_key_path} relative to the dataset
 * folder, {@code plane_projection}, {@code articles}, ...), {@code key_slice}, {@code Anatomies} and
 * {@code Anatomy}.
 */
final class CaseJson {
    static final String ANATOMY = "Chest and Abdomen";
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private CaseJson() {
    }

    /** The case file; {@code dataPath} names each image's file (the .npy, or the NIfTI copy). */
    static byte[] write(List<CasePlan> cases, Function<ImagePlan, String> dataPath) {
        JsonObject root = new JsonObject();
        for (CasePlan c : cases) {
            root.add(c.id, toJson(c, dataPath));
        }
        return (GSON.toJson(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject toJson(CasePlan c, Function<ImagePlan, String> dataPath) {
        JsonObject o = new JsonObject();
        JsonArray modalities = new JsonArray();
        JsonArray samples = new JsonArray();
        JsonArray keys = new JsonArray();
        JsonArray anatomies = new JsonArray();
        for (CasePlan.SamplePlan s : c.samples) {
            modalities.add(s.modality.label());
            JsonObject so = new JsonObject();
            JsonArray mods = new JsonArray();
            JsonArray planes = new JsonArray();
            JsonArray aux = new JsonArray();
            JsonArray data = new JsonArray();
            JsonArray keyPaths = new JsonArray();
            JsonObject key = new JsonObject();
            for (int j = 0; j < s.images.size(); j++) {
                ImagePlan p = s.images.get(j);
                mods.add(s.modality.label());
                planes.add(p.view().label());
                aux.add(p.contrast().aux);
                data.add(dataPath.apply(p));
                keyPaths.add(p.keyPath());
                key.addProperty("image_" + j, c.keySlice(p));
            }
            so.add("image_modality", mods);
            so.add("image_modalitys", mods.deepCopy());
            so.add("plane_projection", planes);
            so.add("aux_modality", aux);
            so.addProperty("link", c.id);
            so.addProperty("title", "Phantom case: " + String.join(", ", c.labels));
            so.addProperty("anatomy", ANATOMY);
            so.add("articles", strings(c.labels));
            so.add("icd10s", strings(PhantomCodes.of(c.labels)));
            so.add("image_data_path", data);
            so.add("image_key_path", keyPaths);
            samples.add(so);
            keys.add(key);
            anatomies.add(ANATOMY);
        }
        o.add("Modalities", modalities);
        o.add("Samples", samples);
        o.add("key_slice", keys);
        o.add("Anatomies", anatomies);
        o.addProperty("Anatomy", ANATOMY);
        return o;
    }

    static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
