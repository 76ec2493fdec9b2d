package org.raddiag.core.rest;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** JSON responses, error bodies and small JSON request bodies. */
final class JsonOut {
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls()
            .serializeSpecialFloatingPointValues().create();
    private static final int MAX_JSON_BODY = 64 * 1024;

    private JsonOut() {
    }

    static void send(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        try (Writer w = resp.getWriter()) {
            GSON.toJson(body, w);
        }
    }

    /**
     * An error answer. It also closes the connection: a refused upload may leave part of its body unread, and a client
     * that reused that connection would get no answer at all to its next request.
     */
    static void error(HttpServletResponse resp, int status, String message, String requestId) throws IOException {
        resp.setHeader("Connection", "close");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        m.put("status", status);
        m.put("requestId", requestId);
        send(resp, status, m);
    }

    /** A JSON object body (at most 64 KiB), or an empty object when there is none. */
    static JsonObject body(HttpServletRequest req) throws IOException, ApiError {
        byte[] b = req.getInputStream().readNBytes(MAX_JSON_BODY + 1);
        if (b.length > MAX_JSON_BODY) {
            throw ApiError.tooLarge("JSON body larger than " + MAX_JSON_BODY + " bytes");
        }
        if (b.length == 0) {
            return new JsonObject();
        }
        try {
            return JsonParser.parseString(new String(b, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw ApiError.badRequest("body is not a JSON object");
        }
    }

    /** A string member of {@code o}, or null. */
    static String string(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : null;
    }
}
