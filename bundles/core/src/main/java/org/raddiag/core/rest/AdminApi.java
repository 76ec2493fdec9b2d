package org.raddiag.core.rest;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin part of the REST API, {@code POST /api/v1/admin/*}: the bearer-token check and the operations (default
 * backend and model, bundle install/start/stop/uninstall, reload), kept apart from the diagnosis routes.
 */
final class AdminApi {
    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final Pattern BUNDLE_OP = Pattern.compile("/admin/bundles/(\\d{1,9})/(start|stop|uninstall)");

    /** What the operations act on ({@code registry} null while it is not there); {@code defaultModel} takes a new default. */
    record Runtime(BundleContext context, ConfigurationAdmin configAdmin, RestConfig config, ModelRegistry registry,
            Consumer<String> defaultModel) {
    }

    private AdminApi() {
    }

    /** Refuses a request without the configured admin bearer token (403 while none is configured, else 401). */
    static void authorize(RestConfig config, HttpServletRequest req) throws ApiError {
        String token = config.adminToken();
        if (token == null || token.isEmpty()) {
            throw new ApiError(403, "the admin API is disabled: set adminToken in the configuration PID org.raddiag.rest");
        }
        String h = req.getHeader("Authorization");
        String given = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, "admin operations need 'Authorization: Bearer TOKEN'");
        }
    }

    /** Runs the admin operation at {@code path} (after {@link #authorize}); returns the HTTP status sent. */
    static int handle(String path, HttpServletRequest req, HttpServletResponse resp, String rid, Runtime rt)
            throws IOException, ApiError {
        if (path.equals("/admin/backend")) {
            JsonObject b = JsonOut.body(req);
            AdminOps.setDefaultBackend(rt.configAdmin(), JsonOut.string(b, "backend"));
            LOG.info("{} admin: default backend set to {}", rid, JsonOut.string(b, "backend"));
            return ApiServlet.send(resp, 200, Map.of("defaultBackend", JsonOut.string(b, "backend")));
        }
        if (path.equals("/admin/model")) {
            String model = JsonOut.string(JsonOut.body(req), "model");
            ModelRegistry registry = rt.registry();
            if (registry == null) {
                throw new ApiError(503, "the model registry is not available yet");
            }
            ModelRef ref = Diagnoser.model(model, null, registry);
            if (model == null || registry.find(ref).isEmpty()) {
                throw new ApiError(404, "no model " + model + " installed");
            }
            rt.defaultModel().accept(ref.toString());
            LOG.info("{} admin: default model set to {}", rid, ref);
            return ApiServlet.send(resp, 200, Map.of("defaultModel", ref.toString()));
        }
        if (path.equals("/admin/bundles")) {
            long len = req.getContentLengthLong();
            if (len > UploadLimits.of(rt.config()).maxRequestBytes) {
                throw ApiError.tooLarge("bundle larger than the request limit");
            }
            return ApiServlet.send(resp, 201, AdminOps.install(rt.context(), req.getParameter("name"), req.getInputStream()));
        }
        Matcher m = BUNDLE_OP.matcher(path);
        if (m.matches()) {
            return ApiServlet.send(resp, 200, AdminOps.bundleOp(rt.context(), Long.parseLong(m.group(1)), m.group(2)));
        }
        if (path.equals("/admin/reload")) {
            AdminOps.reload(rt.context());
            return ApiServlet.send(resp, 202, Map.of("reload", "started"));
        }
        throw new ApiError(404, "no admin operation " + ApiServlet.route(path));
    }
}
