package org.raddiag.workflows.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The disorder-to-ICD-10 map of the ICD-10 level: the official repository's {@code ICD_dict_1218.json} (5,569
 * disorder names to 930 three-character codes; MIT, bundled from {@code testdata/knowledge/}) followed by a small
 * supplement ({@code icd10-supplement.json}) for names it lacks, each with the code the upstream map gives its
 * nearest synonym. Names match after a no-break space is read as a space and the ends are trimmed.
 */
final class IcdCodes {
    static final String UPSTREAM = "ICD_dict_1218.json";
    private static volatile IcdCodes bundled;

    private final Map<String, String> codeOf;
    private final List<String> codes;

    IcdCodes(Map<String, String> upstream, Map<String, String> supplement) {
        Map<String, String> m = new HashMap<>();
        upstream.forEach((k, v) -> m.put(normal(k), v));
        supplement.forEach((k, v) -> m.putIfAbsent(normal(k), v));
        this.codeOf = Collections.unmodifiableMap(m);
        this.codes = List.copyOf(new TreeSet<>(upstream.values()));
        for (String c : supplement.values()) {
            if (!codes.contains(c)) {
                throw new IllegalArgumentException("supplement code " + c + " is not one of the " + codes.size()
                        + " codes of " + UPSTREAM);
            }
        }
    }

    /** The bundled map (read once). */
    static IcdCodes bundled() {
        IcdCodes b = bundled;
        if (b == null) {
            JsonObject supplement = read("icd10-supplement.json").getAsJsonObject().getAsJsonObject("codes");
            Map<String, String> s = new HashMap<>();
            supplement.entrySet().forEach(e -> s.put(e.getKey(), e.getValue().getAsJsonObject().get("code")
                    .getAsString()));
            Map<String, String> u = new HashMap<>();
            read("knowledge/" + UPSTREAM).getAsJsonObject().entrySet()
                    .forEach(e -> u.put(e.getKey(), e.getValue().getAsString()));
            bundled = b = new IcdCodes(u, s);
        }
        return b;
    }

    /** The code of a disorder name, if the map has one. */
    Optional<String> code(String disorder) {
        return Optional.ofNullable(codeOf.get(normal(disorder)));
    }

    /** The distinct codes of the upstream map, sorted (930). */
    List<String> codes() {
        return codes;
    }

    private static String normal(String name) {
        return name.replace('\u00a0', ' ').strip();
    }

    private static JsonElement read(String resource) {
        try (InputStream in = IcdCodes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the workflows bundle lacks its resource " + resource);
            }
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
