package org.raddiag.core.cases;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Lenient accessors for optional JSON lists. */
final class Json {
    private Json() {
    }

    /** The strings of array {@code key} (a lone string counts as a one-element list); empty when absent or null. */
    static List<String> strings(JsonObject o, String key) {
        JsonElement e = o.get(key);
        List<String> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (e.isJsonPrimitive()) {
            out.add(e.getAsString());
            return out;
        }
        for (JsonElement x : e.getAsJsonArray()) {
            out.add(x.isJsonNull() ? null : x.getAsString());
        }
        return out;
    }

    static List<JsonObject> objects(JsonObject o, String key) {
        List<JsonObject> out = new ArrayList<>();
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return out;
        }
        JsonArray a = e.getAsJsonArray();
        for (JsonElement x : a) {
            out.add(x.getAsJsonObject());
        }
        return out;
    }
}
